package vn.inspectorate.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Token buckets per client, sized by role: a provincial system's batch sync needs more than a dashboard user. A
 * caller with several roles gets the bucket of the first of its roles in {@link #precedence()}.
 */
@ConfigMapping(prefix = "inspectorate.gateway.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /**
     * Whether the buckets live in the gateway's database, shared by every gateway instance that uses it (true), or in
     * each instance's memory (false: N instances allow N times each limit).
     */
    @WithDefault("true")
    boolean shared();

    /** After the database failed, how long each instance limits alone before it tries the shared buckets again. */
    @WithDefault("PT5S")
    Duration sharedRetry();

    /** Role order used to pick one limit for a caller with several roles. */
    List<String> precedence();

    /** Limits by role. */
    Map<String, Limit> roles();

    /** The limit of a caller whose roles have none configured. */
    Limit fallback();

    /** The limit of each client address on an anonymous route (per route), where no token names the caller. */
    Limit anonymous();

    /**
     * Addresses (literal IPs, as the connection reports them) of the proxies in front of the gateway whose
     * {@code X-Forwarded-For} is believed: behind one of them, an anonymous caller is the last address it names that is
     * not itself a trusted proxy. A request from anywhere else is keyed by its connection's address, whatever it
     * claims.
     */
    Optional<List<String>> trustedProxies();

    /** Checked at start: a limit of no capacity or no period stops the gateway, rather than failing its callers. */
    interface Limit {
        /** Requests allowed in a burst. */
        @Positive
        long capacity();

        /** Time in which the whole capacity refills (greedily, token by token). */
        @DurationMin(millis = 1)
        Duration period();
    }
}

package vn.inspectorate.gateway.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Per-client limits with Bucket4j, in buckets every gateway instance shares through the gateway's database
 * ({@link BucketStore}; per instance when {@code shared=false} or while the database fails). Taking a token blocks on
 * the database: callers run it off the event loop. Clients are keyed by the token's
 * {@code azp} for client-credential tokens of machines and by {@code sub} for users, so a user's limit is theirs
 * whichever dashboard they use; on an anonymous route, by client address ({@link ClientAddress}), per route.
 */
@ApplicationScoped
public class ClientRateLimiter {

    private static final String DASHBOARD_CLIENT = "inspectorate-dashboard";
    /** The policy (and metric tag) of anonymous callers. */
    static final String ANONYMOUS = "anonymous";

    private final RateLimitConfig config;
    private final MeterRegistry registry;
    private final BucketStore buckets;
    /** The configured limits with their buckets' configurations, built once: the limits do not change while running. */
    private final Map<String, Policy> byRole;
    private final Policy fallback;
    private final Policy anonymous;
    private final List<String> precedence;

    @Inject
    ClientRateLimiter(RateLimitConfig config, MeterRegistry registry, AgroalDataSource dataSource) {
        this(config, registry, config.shared() ? Optional.of(dataSource) : Optional.empty());
    }

    /** A limiter on {@code dataSource}'s shared buckets, or on this instance's memory alone when empty. */
    public ClientRateLimiter(RateLimitConfig config, MeterRegistry registry, Optional<DataSource> dataSource) {
        this.config = config;
        this.registry = registry;
        // a bucket idle for longer than its refill period is full again, so forgetting it changes nothing
        Duration longest = config.roles().values().stream().map(RateLimitConfig.Limit::period)
                .reduce(config.fallback().period(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        if (config.anonymous().period().compareTo(longest) > 0) {
            longest = config.anonymous().period();
        }
        this.buckets = new BucketStore(dataSource, longest, config.sharedRetry(), System::currentTimeMillis);
        Map<String, Policy> policies = new HashMap<>();
        config.roles().forEach((role, limit) -> policies.put(role, new Policy(limit)));
        this.byRole = Map.copyOf(policies);
        this.fallback = new Policy(config.fallback());
        this.anonymous = new Policy(config.anonymous());
        this.precedence = List.copyOf(config.precedence());
    }

    /** Shared buckets that are full again are the same as none: their rows go. */
    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeFullBuckets() {
        try {
            while (buckets.removeExpired(1_000) == 1_000) {
                // another batch
            }
        } catch (RuntimeException e) {
            // the next run tries again; requests meanwhile fall back as BucketStore says
        }
    }

    /** Takes one token for the caller; empty when the caller is not limited at all (limits off, no identity). */
    public Optional<RateLimitDecision> tryConsume(SecurityIdentity identity) {
        if (!config.enabled() || identity.isAnonymous()) {
            return Optional.empty();
        }
        String role = limitingRole(identity);
        return consume(role, byRole.getOrDefault(role, fallback), role + "|" + clientKey(identity));
    }

    /** Takes one token for an anonymous caller of {@code route} from {@code address}; empty when limits are off. */
    public Optional<RateLimitDecision> tryConsumeAnonymous(String route, String address) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        return consume(ANONYMOUS, anonymous, ANONYMOUS + "|" + route + "|addr:" + address);
    }

    private Optional<RateLimitDecision> consume(String role, Policy policy, String key) {
        RateLimitConfig.Limit limit = policy.limit();
        // the bucket's own short transaction, never the caller's (a resource's idempotent write runs in one)
        ConsumptionProbe probe = QuarkusTransaction.suspendingExisting()
                .call(() -> buckets.tryConsume(key, policy.configuration(), policy.version()));
        long window = Math.max(1, limit.period().toSeconds());
        long reset = secondsUp(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return Optional.of(new RateLimitDecision(true, role, limit.capacity(), window, probe.getRemainingTokens(),
                    reset, 0));
        }
        registry.counter("inspectorate.gateway.rate.limited", "role", role).increment();
        return Optional.of(new RateLimitDecision(false, role, limit.capacity(), window, 0, reset,
                Math.max(1, secondsUp(probe.getNanosToWaitForRefill()))));
    }

    private static long secondsUp(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    String limitingRole(SecurityIdentity identity) {
        for (String role : precedence) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return "other";
    }

    static String clientKey(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            if (azp != null && !DASHBOARD_CLIENT.equals(azp.toString()) && jwt.getSubject() != null
                    && isServiceAccount(jwt)) {
                return "client:" + azp;
            }
            if (jwt.getSubject() != null) {
                return "sub:" + jwt.getSubject();
            }
        }
        return "name:" + identity.getPrincipal().getName();
    }

    private static boolean isServiceAccount(JsonWebToken jwt) {
        Object username = jwt.getClaim("preferred_username");
        return username != null && username.toString().startsWith("service-account-");
    }

    /** A limit and its bucket's configuration; the version tells a stored bucket that its limit changed. */
    private record Policy(RateLimitConfig.Limit limit, BucketConfiguration configuration, long version) {

        Policy(RateLimitConfig.Limit limit) {
            this(limit, configuration(limit));
        }

        private Policy(RateLimitConfig.Limit limit, BucketConfiguration configuration) {
            this(limit, configuration, BucketStore.version(configuration));
        }

        private static BucketConfiguration configuration(RateLimitConfig.Limit limit) {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(limit.capacity())
                            .refillGreedy(limit.capacity(), limit.period()).build())
                    .build();
        }
    }
}

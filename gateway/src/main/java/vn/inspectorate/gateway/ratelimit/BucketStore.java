package vn.inspectorate.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Where the token buckets live. Shared: in the gateway's database (Bucket4j's PostgreSQL backend with a row lock per
 * bucket), so every gateway instance on that database takes from the same bucket and N instances allow the limit once,
 * not N times. A visit to the database is one short transaction on a pooled connection: {@code SELECT ... FOR UPDATE}
 * of the bucket's row, {@code UPDATE} of its state, commit (a client's first request also inserts the row); the lock
 * is held for those round trips only, and only callers of the same bucket wait for it.
 *
 * <p>Each instance keeps the proxy of a bucket it used, so what it learnt of the bucket serves its next requests. A
 * bucket of {@value #SYNC_EXACTLY_BELOW} or more tokens is synchronised with the database once this instance has taken
 * 1 % of its capacity or after {@link #MAX_UNSYNCHRONISED}, whichever comes first, instead of on every request: N
 * instances may then let through up to N % more than the limit for a moment, which a limit of hundreds of requests a
 * minute does not notice, and a request costs no database round trip most of the time. Smaller buckets (a partner's 60
 * a minute) stay exact: concurrent requests of one instance to the same bucket are combined into one transaction.
 *
 * <p>When the database fails, the limits fail open to this instance's own memory: each instance goes on limiting each
 * client with the same bucket sizes (so N instances allow up to N times the limit) instead of refusing every request
 * or letting every request through. A limit protects the services' capacity, it is not an access check, and the
 * gateway's database holds nothing else a request needs, so an outage of it must not become an outage of the API; nor
 * should it lift every limit. After a failure the database is left alone for {@code retryAfter} before it is tried
 * again, so an outage does not cost each request a failed connection attempt.
 */
public final class BucketStore {

    private static final Logger LOG = Logger.getLogger(BucketStore.class);

    /** Buckets smaller than this are synchronised with the database on every request. */
    static final long SYNC_EXACTLY_BELOW = 100;
    static final Duration MAX_UNSYNCHRONISED = Duration.ofSeconds(1);

    private final Optional<PostgreSQLSelectForUpdateBasedProxyManager<String>> shared;
    /** The proxies of shared buckets this instance used, keyed by bucket and configuration. */
    private final Cache<String, Bucket> proxies;
    /** Per-instance buckets: the only ones when nothing is shared, the fallback while the database fails. */
    private final Cache<String, Bucket> local;
    private final long retryAfterMillis;
    private final LongSupplier clock;
    private volatile long sharedDownUntil;

    /**
     * @param dataSource the gateway's database, or empty for per-instance buckets only
     * @param idleExpiry how long an untouched bucket is kept (its longest refill period: then it is full anyway)
     */
    public BucketStore(Optional<DataSource> dataSource, Duration idleExpiry, Duration retryAfter, LongSupplier clock) {
        this.shared = dataSource.map(ds -> Bucket4jPostgreSQL.selectForUpdateBasedBuilder(ds)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build());
        this.local = Caffeine.newBuilder().expireAfterAccess(idleExpiry).maximumSize(200_000).build();
        this.proxies = Caffeine.newBuilder().expireAfterAccess(idleExpiry).maximumSize(200_000).build();
        this.retryAfterMillis = retryAfter.toMillis();
        this.clock = clock;
    }

    /**
     * Takes one token from the bucket {@code key} of {@code configuration}, whose {@link #version} is {@code version};
     * blocks on the database when shared.
     */
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, long version) {
        if (shared.isPresent() && clock.getAsLong() >= sharedDownUntil) {
            try {
                return proxies.get(key + "#" + version, k -> shared.get().builder()
                        // a changed limit replaces the stored one, keeping what the client has used of it
                        .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.AS_IS)
                        .withOptimization(optimization(configuration))
                        .build(key, () -> configuration)).tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException e) {
                return bucketNotFound(e) ? alone(key, configuration, version) : fallBack(e, key, configuration);
            }
        }
        return takeLocally(key, configuration);
    }

    private ConsumptionProbe takeLocally(String key, BucketConfiguration configuration) {
        return local.get(key, k -> {
            var bucket = Bucket.builder();
            for (var bandwidth : configuration.getBandwidths()) {
                bucket.addLimit(bandwidth);
            }
            return bucket.build();
        }).tryConsumeAndReturnRemaining(1);
    }

    /**
     * Takes the token through a proxy without batching, which creates the bucket's state when it has none. Bucket4j's
     * batching (both optimisations use it) sends the requests that arrive while another is in flight as one command.
     * When their bucket has no state yet (a client's first requests arriving together, or its first after its full
     * bucket was removed) and none of them creates it, every one of them fails with {@link BucketNotFoundException}
     * (in 8.14.0, {@code MultiCommand.unwrap} reads the batch's "not found" as data), where a lone request would create
     * the state. Those requests took no token: each takes its own here, and the next requests go through the batched
     * proxy again.
     */
    private ConsumptionProbe alone(String key, BucketConfiguration configuration, long version) {
        // the key names the client (a subject, an address): not logged
        LOG.debug("a bucket had no state for a batch of requests: each takes its token alone");
        try {
            return shared.get().builder()
                    .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.AS_IS)
                    .build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            return fallBack(e, key, configuration);
        }
    }

    private ConsumptionProbe fallBack(RuntimeException e, String key, BucketConfiguration configuration) {
        sharedDownUntil = clock.getAsLong() + retryAfterMillis;
        LOG.warnf("shared rate limits unavailable (%s): this instance limits alone for %d ms", e.toString(),
                retryAfterMillis);
        return takeLocally(key, configuration);
    }

    private static boolean bucketNotFound(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the shared store is in use now (not configured off, not failing). */
    public boolean sharing() {
        return shared.isPresent() && clock.getAsLong() >= sharedDownUntil;
    }

    /** Deletes up to {@code batch} buckets that are full again (a missing bucket is a full one); the number deleted. */
    public int removeExpired(int batch) {
        return shared.map(s -> s.removeExpired(batch)).orElse(0);
    }

    /** Delayed synchronisation for large buckets, exact (batched) for small ones; see the class comment. */
    static Optimization optimization(BucketConfiguration configuration) {
        long smallest = Long.MAX_VALUE;
        for (var bandwidth : configuration.getBandwidths()) {
            smallest = Math.min(smallest, bandwidth.getCapacity());
        }
        return smallest < SYNC_EXACTLY_BELOW ? Optimizations.batching()
                : Optimizations.delaying(new DelayParameters(smallest / 100, MAX_UNSYNCHRONISED));
    }

    /** A configuration's version as stored with its buckets: the same for the same limits in every instance. */
    static long version(BucketConfiguration configuration) {
        return Math.abs((long) configuration.toString().hashCode());
    }
}

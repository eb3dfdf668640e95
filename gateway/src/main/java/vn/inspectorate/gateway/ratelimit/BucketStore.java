package vn.inspectorate.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
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
 * not N times. One request costs one short transaction on a pooled connection: {@code SELECT ... FOR UPDATE} of the
 * bucket's row, {@code UPDATE} of its state, commit (a client's first request also inserts the row); the lock is held
 * for those round trips only, and only callers of the same bucket wait for it.
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

    private final Optional<PostgreSQLSelectForUpdateBasedProxyManager<String>> shared;
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
        this.retryAfterMillis = retryAfter.toMillis();
        this.clock = clock;
    }

    /** Takes one token from the bucket {@code key} of {@code configuration}; blocks on the database when shared. */
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        if (shared.isPresent() && clock.getAsLong() >= sharedDownUntil) {
            try {
                return shared.get().builder()
                        // a changed limit replaces the stored one, keeping what the client has used of it
                        .withImplicitConfigurationReplacement(version(configuration), TokensInheritanceStrategy.AS_IS)
                        .build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException e) {
                sharedDownUntil = clock.getAsLong() + retryAfterMillis;
                LOG.warnf("shared rate limits unavailable (%s): this instance limits alone for %d ms", e.toString(),
                        retryAfterMillis);
            }
        }
        return local.get(key, k -> {
            var bucket = Bucket.builder();
            for (var bandwidth : configuration.getBandwidths()) {
                bucket.addLimit(bandwidth);
            }
            return bucket.build();
        }).tryConsumeAndReturnRemaining(1);
    }

    /** Whether the shared store is in use now (not configured off, not failing). */
    public boolean sharing() {
        return shared.isPresent() && clock.getAsLong() >= sharedDownUntil;
    }

    /** Deletes up to {@code batch} buckets that are full again (a missing bucket is a full one); the number deleted. */
    public int removeExpired(int batch) {
        return shared.map(s -> s.removeExpired(batch)).orElse(0);
    }

    private static long version(BucketConfiguration configuration) {
        return Math.abs((long) configuration.toString().hashCode());
    }
}

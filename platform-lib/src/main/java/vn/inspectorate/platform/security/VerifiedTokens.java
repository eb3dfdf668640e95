package vn.inspectorate.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.inspectorate.platform.crypto.Sha256;

/**
 * What the verification of a bearer token concluded, kept until the token expires so the signature, issuer, audience
 * and claims of the same token are not checked again on each of its requests. Keyed by the SHA-256 of the whole
 * token: only a byte-identical token finds an entry, and the map holds no token that could be replayed from a heap
 * dump. Bounded: at most {@code maxEntries}, each kept at most {@code maxAge} (so a key the issuer withdrew stops
 * being trusted within that time even for a token that lives longer) and never past the token's {@code exp}.
 *
 * @param <V> what a verification produced (the security identity)
 */
public final class VerifiedTokens<V> {

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;

    public VerifiedTokens(int maxEntries, Duration maxAge, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The verification of exactly this token, while it has not expired. */
    public Optional<V> find(String token) {
        String key = key(token);
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until)) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value);
    }

    /**
     * Keeps the verification of {@code token}, which expires at {@code expiresAt} (its {@code exp} claim); a token
     * without one, or already expired, is not kept. When full, expired entries go first, then arbitrary ones: a
     * dropped entry costs one verification more, nothing else.
     */
    public void keep(String token, Instant expiresAt, V value) {
        Instant now = clock.instant();
        if (expiresAt == null || !now.isBefore(expiresAt)) {
            return;
        }
        Instant until = expiresAt.isBefore(now.plus(maxAge)) ? expiresAt : now.plus(maxAge);
        if (entries.size() >= maxEntries) {
            makeRoom(now);
        }
        entries.put(key(token), new Entry<>(value, until));
    }

    public int size() {
        return entries.size();
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(e -> !now.isBefore(e.until));
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() >= maxEntries && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    static String key(String token) {
        return HexFormat.of().formatHex(Sha256.of(token.getBytes(StandardCharsets.US_ASCII)));
    }

    private record Entry<V>(V value, Instant until) {
    }
}

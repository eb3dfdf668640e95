package vn.inspectorate.contracts;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids of new records and events: UUID version 7 (RFC 9562), the time of creation in milliseconds first, then 74 random
 * bits. An index keyed by them takes each new key near its right edge, as a sequence's keys go, instead of into a
 * random page of the whole index: every case writes several such keys (its row, identity, history, events, and each
 * consumer's copy), and a national history of them no longer fits in memory. The random part keeps them unguessable.
 * The time an id shows is when the platform recorded it, to the millisecond: what the {@code time} of the record's
 * first event already tells whoever receives it.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new id, created now. */
    public static UUID next() {
        return at(System.currentTimeMillis(), RANDOM.nextLong(), RANDOM.nextLong());
    }

    /** The id created at {@code epochMillis} with the random bits of {@code randomHigh} and {@code randomLow}. */
    static UUID at(long epochMillis, long randomHigh, long randomLow) {
        long high = (epochMillis << 16) | 0x7000L | (randomHigh & 0x0FFFL);
        long low = (randomLow & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** When {@code id}, a version 7 UUID, was created, in milliseconds since the epoch. */
    static long createdAtMillis(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException(id + " is no time-ordered id (version " + id.version() + ")");
        }
        return id.getMostSignificantBits() >>> 16;
    }

    private TimeOrderedIds() {
    }
}

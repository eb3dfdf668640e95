package vn.inspectorate.complaints.reference;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Reference data (provinces, rule sets, public holidays) read whole and kept for a while. It changes rarely (a
 * migration, an admin's change arriving as an event, a correction by hand), while every case filed reads it several
 * times: a change applied here invalidates the snapshot; one made otherwise shows once the snapshot is older than its
 * maximum age.
 */
public final class ReferenceSnapshot<T> {

    private final Supplier<T> loader;
    private final long maxAgeNanos;
    private volatile Loaded<T> current;

    public ReferenceSnapshot(Duration maxAge, Supplier<T> loader) {
        this.loader = loader;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The snapshot, read again when it is older than its maximum age; concurrent readers may both load. */
    public T get() {
        Loaded<T> loaded = current;
        long now = System.nanoTime();
        if (loaded == null || now - loaded.at() > maxAgeNanos) {
            loaded = new Loaded<>(loader.get(), now);
            current = loaded;
        }
        return loaded.value();
    }

    /** Reads the data again now, for a change known to have been made. */
    public void reload() {
        current = new Loaded<>(loader.get(), System.nanoTime());
    }

    /** Forgets the snapshot: the next reader loads it again (after a change applied from an event). */
    public void invalidate() {
        current = null;
    }

    private record Loaded<T>(T value, long at) {
    }
}

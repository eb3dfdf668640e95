package vn.inspectorate.platform.reference;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Reference data (dated rules, registers) read whole and kept for a while. It changes rarely, while every decision
 * reads it: a change committed in this instance invalidates the snapshot; one committed through another instance is
 * announced by its event, which invalidates the snapshot in every instance ({@link ReferenceChangeListener} and the
 * owner's {@link ReferenceChangeHandler}). The maximum age is the backstop: a change without an event (a migration,
 * a correction by hand) or an event this instance missed shows once the snapshot is older than it.
 *
 * <p>A load that was under way when the snapshot was invalidated may have read the data from before the change: its
 * reader gets it, but it is not kept, so the next reader loads again.
 */
public final class ReferenceSnapshot<T> {

    private final Supplier<T> loader;
    private final long maxAgeNanos;
    private volatile Loaded<T> current;
    /** Counts invalidations; guarded by {@code this}. */
    private long generation;

    public ReferenceSnapshot(Duration maxAge, Supplier<T> loader) {
        this.loader = loader;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The snapshot, read again when it is older than its maximum age; concurrent readers may both load. */
    public T get() {
        Loaded<T> loaded = current;
        long now = System.nanoTime();
        if (loaded == null || now - loaded.at() > maxAgeNanos) {
            long startedIn;
            synchronized (this) {
                startedIn = generation;
            }
            loaded = new Loaded<>(loader.get(), now);
            synchronized (this) {
                if (generation == startedIn) {
                    current = loaded;
                }
            }
        }
        return loaded.value();
    }

    /** Forgets the snapshot: the next reader loads it again (after a change known to have been made). */
    public synchronized void invalidate() {
        generation++;
        current = null;
    }

    private record Loaded<T>(T value, long at) {
    }
}

package vn.inspectorate.platform;

import java.util.Optional;
import java.util.function.Predicate;

/** Looks through a failure and its causes, as frameworks wrap what the code threw or the driver reported. */
public final class Causes {

    /** Enough for any real wrapping; guards against a cause chain that loops. */
    private static final int MAX_DEPTH = 20;

    private Causes() {
    }

    /** The first of {@code e} and its causes that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code e} or one of its causes passes {@code test}. */
    public static boolean any(Throwable e, Predicate<Throwable> test) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}

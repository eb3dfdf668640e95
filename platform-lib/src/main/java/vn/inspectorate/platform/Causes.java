package vn.inspectorate.platform;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Looks through a failure, its causes and what they suppressed, as frameworks wrap what the code threw or the driver
 * reported. The suppressed ones matter: a transaction manager that cannot commit throws its own exception and hangs
 * the driver's reason (the database shutting down, say) on it as suppressed, not as the cause.
 */
public final class Causes {

    /** Enough for any real wrapping; guards against a failure graph that loops or grows without end. */
    private static final int MAX_VISITED = 50;

    private Causes() {
    }

    /** The first of {@code e}, its causes and their suppressed failures that is a {@code type}, nearest first. */
    public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        return first(e, type::isInstance).map(type::cast);
    }

    /** Whether {@code e}, one of its causes or one of the failures they suppressed passes {@code test}. */
    public static boolean any(Throwable e, Predicate<Throwable> test) {
        return first(e, test).isPresent();
    }

    private static Optional<Throwable> first(Throwable e, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (e != null) {
            next.add(e);
        }
        while (!next.isEmpty() && seen.size() < MAX_VISITED) {
            Throwable t = next.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return Optional.of(t);
            }
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            Collections.addAll(next, t.getSuppressed());
        }
        return Optional.empty();
    }
}

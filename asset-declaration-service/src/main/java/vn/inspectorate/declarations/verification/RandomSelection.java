package vn.inspectorate.declarations.verification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The random part of a verification plan. The population is put in a canonical order (by id text) and shuffled with
 * {@link java.util.Random}, whose algorithm the Java specification fixes, so the recorded seed reproduces the
 * selection on any JVM.
 */
public final class RandomSelection {

    /** How many of {@code population} make at least {@code percent} %, rounded up (exact integer arithmetic). */
    public static int size(int population, int percent) {
        return (int) ((population * (long) percent + 99) / 100);
    }

    public static List<UUID> select(List<UUID> population, long seed, int percent) {
        List<UUID> ordered = new ArrayList<>(population);
        ordered.sort(Comparator.comparing(UUID::toString));
        Collections.shuffle(ordered, new Random(seed));
        return List.copyOf(ordered.subList(0, size(ordered.size(), percent)));
    }

    private RandomSelection() {
    }
}

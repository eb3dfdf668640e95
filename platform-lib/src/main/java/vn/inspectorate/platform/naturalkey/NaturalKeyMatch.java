package vn.inspectorate.platform.naturalkey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * Compares a request that repeats a natural key with the record already stored under that key. The same key with the
 * same meaning is a retry and is answered with the original record; the same key with another meaning is a 409
 * {@code natural-key-conflict} naming the existing record ({@code existingId}) and the request's JSON fields whose
 * values differ ({@code differingFields}), so a client never mistakes another record for its own.
 *
 * <p>Callers pass each stored field the request carries, both sides normalised as the service stores them (defaults
 * applied, text stripped where the service strips it). Enums compare by name, numbers by value, lists element by
 * element.
 */
public final class NaturalKeyMatch {

    public static final String CONFLICT_TYPE = "natural-key-conflict";

    private final List<String> differing = new ArrayList<>();

    private NaturalKeyMatch() {
    }

    public static NaturalKeyMatch compare() {
        return new NaturalKeyMatch();
    }

    /** Records {@code jsonField} as differing unless the requested and the stored value mean the same. */
    public NaturalKeyMatch field(String jsonField, Object requested, Object stored) {
        if (!same(requested, stored)) {
            differing.add(jsonField);
        }
        return this;
    }

    public boolean same() {
        return differing.isEmpty();
    }

    public List<String> differingFields() {
        return List.copyOf(differing);
    }

    /** Throws the 409 conflict when any field differs; {@code what} names the record, e.g. "An inspection". */
    public void requireSame(String what, String key, Object existingId) {
        if (!same()) {
            throw conflict(what, key, existingId, differing);
        }
    }

    /**
     * Throws the 409 conflict when any field differs; {@code recordKey} is the key in the message bundles of the words
     * naming the record and its natural key, e.g. "An inspection with the same body, decision year and number".
     */
    public void requireSameKeyed(String recordKey, Object existingId) {
        if (!same()) {
            throw new ProblemException(problemKeyed(recordKey, existingId, differing));
        }
    }

    /** The 409 problem of {@link #requireSameKeyed}, its texts from the message bundles. */
    public static Problem problemKeyed(String recordKey, Object existingId, List<String> differingFields) {
        return Problem.keyed(409, CONFLICT_TYPE, "problem.natural-key-conflict.detail", new Problem.Text(recordKey),
                String.join(", ", differingFields)).withExtensions(extensions(existingId, differingFields));
    }

    private static Map<String, Object> extensions(Object existingId, List<String> differingFields) {
        return Map.of("existingId", String.valueOf(existingId), "differingFields", List.copyOf(differingFields));
    }

    /** The 409 problem for a natural key already taken by a record with another meaning. */
    public static ProblemException conflict(String what, String key, Object existingId, List<String> differingFields) {
        return new ProblemException(problem(what, key, existingId, differingFields));
    }

    public static Problem problem(String what, String key, Object existingId, List<String> differingFields) {
        return Problem.of(409, CONFLICT_TYPE, "Natural key already used", what + " with the same " + key
                + " already exists with other values (" + String.join(", ", differingFields) + "); it was not changed "
                + "and nothing was created.").withExtensions(extensions(existingId, differingFields));
    }

    static boolean same(Object a, Object b) {
        Object x = normal(a);
        Object y = normal(b);
        if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
            return p.compareTo(q) == 0;
        }
        if (x instanceof List<?> p && y instanceof List<?> q) {
            if (p.size() != q.size()) {
                return false;
            }
            for (int i = 0; i < p.size(); i++) {
                if (!same(p.get(i), q.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(x, y);
    }

    private static Object normal(Object value) {
        return switch (value) {
            case null -> null;
            case Enum<?> e -> e.name();
            case BigDecimal d -> d;
            case Number n when n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte ->
                    BigDecimal.valueOf(n.longValue());
            case Number n -> new BigDecimal(n.toString());
            case Iterable<?> items -> {
                List<Object> list = new ArrayList<>();
                items.forEach(list::add);
                yield list;
            }
            default -> value;
        };
    }
}

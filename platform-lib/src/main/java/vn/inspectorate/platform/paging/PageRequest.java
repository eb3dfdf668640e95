package vn.inspectorate.platform.paging;

import java.util.List;
import java.util.function.Function;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * What a client asked of a list: at most {@code size} items after the position {@code after} names (the first page
 * when it names none). Keyset paging: a page is "the next {@code size} items after this key" in a stable order that
 * ends in a unique column, so rows written meanwhile neither shift nor repeat what a client has already read, and a
 * deep page costs what the first does.
 *
 * @param size  how many items a page holds, 1 to {@link #MAX_SIZE}
 * @param after the sort key of the last item already read, empty on the first page
 * @param query what the list was asked for (filters and order), which the {@code after} token is bound to
 */
public record PageRequest(int size, List<String> after, String query) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final String SIZE = "size";
    public static final String AFTER = "after";

    public PageRequest {
        after = after == null ? List.of() : List.copyOf(after.stream().map(v -> v == null ? Cursor.NULL : v).toList());
    }

    /**
     * The request from the query parameters; a 400 {@code invalid-request} naming {@code size} or {@code after} for a
     * size out of range (never clamped: a client asking for 1,000 would otherwise take 200 for all there is) or a
     * token not from this list's own {@code next}.
     *
     * @param keys how many values the list's sort key has, which a token must carry
     */
    public static PageRequest of(Integer size, String after, String query, int keys) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        int asked = size == null ? DEFAULT_SIZE : size;
        if (asked < 1 || asked > MAX_SIZE) {
            errors.add(Problem.FieldError.of(SIZE, "paging.size-range", String.valueOf(MAX_SIZE)));
        }
        List<String> position = List.of();
        if (after != null) {
            position = Cursor.decode(after, query, keys);
            if (position == null) {
                errors.add(Problem.FieldError.of(AFTER, "paging.after-foreign"));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new PageRequest(asked, position, query);
    }

    /** The 400 of paging parameters that are not valid, naming each. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.keyed(400, "invalid-request", "paging.invalid").withErrors(errors));
    }

    /** The 400 of a list given both {@code limit} and {@code size}, the older and newer name of one parameter. */
    public static ProblemException limitWithSize() {
        return invalid(List.of(Problem.FieldError.of("limit", "paging.limit-with-size")));
    }

    public boolean first() {
        return after.isEmpty();
    }

    /** The i-th value of the {@code after} key; null where the item had none. */
    public String after(int i) {
        String value = after.get(i);
        return Cursor.NULL.equals(value) ? null : value;
    }

    /** How many rows to read: one more than a page, to know whether another follows. */
    public int fetch() {
        return size + 1;
    }

    /**
     * The page of {@code rows} (read with {@link #fetch()}), its {@code next} token made of the last item's sort key.
     */
    public <T> Page<T> page(List<T> rows, Function<T, List<String>> key, Long total) {
        return map(rows, key, Function.identity(), total);
    }

    /** As {@link #page}, each row turned into what the list shows. */
    public <R, T> Page<T> map(List<R> rows, Function<R, List<String>> key, Function<R, T> view, Long total) {
        boolean more = rows.size() > size;
        List<R> shown = more ? rows.subList(0, size) : rows;
        String next = more ? Cursor.encode(query, key.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), size, next, total);
    }
}

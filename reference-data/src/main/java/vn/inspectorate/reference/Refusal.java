package vn.inspectorate.reference;

import java.util.List;

/**
 * Why a province or a body cannot be used on a day, as the key of its text in the platform's message bundles and the
 * arguments of that text, so that each service words it in the language of the request.
 */
public record Refusal(String key, List<String> args) {

    public Refusal {
        args = List.copyOf(args);
    }

    public static Refusal of(String key, Object... args) {
        return new Refusal(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The arguments as a message pattern takes them. */
    public Object[] arguments() {
        return args.toArray();
    }
}

package vn.inspectorate.complaints.rules;

/** One rule's number in a rule set, with its variants for complex cases and remote areas (null = as normal). */
public record RuleValue(Rule rule, DayUnit unit, int normal, Integer complex, Integer remote, Integer remoteComplex) {

    /** The number for a case of this complexity handled in this kind of area. */
    public int value(boolean isComplex, boolean isRemote) {
        if (isComplex && isRemote) {
            return first(remoteComplex, remote, complex, normal);
        }
        if (isRemote) {
            return first(remote, normal);
        }
        if (isComplex) {
            return first(complex, normal);
        }
        return normal;
    }

    public int value() {
        return normal;
    }

    private static int first(Integer a, int fallback) {
        return a != null ? a : fallback;
    }

    private static int first(Integer a, Integer b, Integer c, int fallback) {
        return a != null ? a : b != null ? b : c != null ? c : fallback;
    }
}

package vn.inspectorate.testsupport.openapi;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the validation filter counted in this test JVM, printed when the test run ends. Quarkus may load this class once per
 * restart of the application under test, so the counts live in a JDK object kept in the system properties, which all
 * class loaders share.
 */
final class ValidationCounters {

    private static final String KEY = "inspectorate.openapi.validation.counters";
    private static final int VALID = 0;
    private static final int INVALID = 1;
    private static final int RESPONSES = 2;
    private static final int FAILURES = 3;

    private final AtomicLongArray counts;

    private ValidationCounters(AtomicLongArray counts) {
        this.counts = counts;
    }

    static ValidationCounters instance() {
        return new ValidationCounters((AtomicLongArray) System.getProperties().get(KEY));
    }

    /** Starts counting for {@code name} once per JVM; {@link OpenApiValidationReport} prints the counts. */
    static synchronized void start(String name) {
        if (System.getProperties().get(KEY) == null) {
            System.getProperties().put(KEY, new AtomicLongArray(4));
            System.getProperties().put(KEY + ".name", name);
        }
    }

    /** The line of the counts, or null when nothing was validated in this JVM. */
    static String report() {
        AtomicLongArray c = (AtomicLongArray) System.getProperties().get(KEY);
        return c == null ? null : report((String) System.getProperties().get(KEY + ".name"), c);
    }

    static String report(String name, AtomicLongArray c) {
        long invalid = c.get(INVALID);
        return "[openapi] " + name + ": validated " + (c.get(VALID) + invalid) + " requests (" + invalid
                + " invalid, " + (c.get(FAILURES) == 0 ? "all refused" : "see failures") + "), " + c.get(RESPONSES)
                + " responses, " + c.get(FAILURES) + " failures";
    }

    void validRequest() {
        counts.incrementAndGet(VALID);
    }

    void invalidRequest() {
        counts.incrementAndGet(INVALID);
    }

    void response() {
        counts.incrementAndGet(RESPONSES);
    }

    void failure() {
        counts.incrementAndGet(FAILURES);
    }
}

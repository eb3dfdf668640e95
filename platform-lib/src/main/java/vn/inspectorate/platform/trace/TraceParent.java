package vn.inspectorate.platform.trace;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * W3C Trace Context {@code traceparent} values: {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}. A
 * value that does not fit (another version, an all-zero id, upper case) is not a trace context, and a new trace is
 * started instead, as the recommendation asks of a receiver.
 */
public final class TraceParent {

    /** The HTTP header, and the CloudEvents Distributed Tracing extension attribute, that carries it. */
    public static final String HEADER = "traceparent";

    /** {@code 00-}, 32 hex digits, {@code -}, 16 hex digits, {@code -}, 2 hex digits. */
    private static final int LENGTH = 55;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TraceParent() {
    }

    /** Whether {@code value} is a valid version-00 {@code traceparent}. */
    public static boolean valid(String value) {
        // read by hand, not by a pattern: every request and every event carries one
        if (value == null || value.length() != LENGTH || !value.startsWith("00-") || value.charAt(35) != '-'
                || value.charAt(52) != '-') {
            return false;
        }
        return lowerHex(value, 3, 35) && lowerHex(value, 36, 52) && lowerHex(value, 53, 55)
                && !zeros(value, 3, 35) && !zeros(value, 36, 52);
    }

    private static boolean lowerHex(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** A new trace: random trace and parent ids, sampled flag set. */
    public static String newTrace() {
        while (true) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String hex = HEX.formatHex(bytes);
            String value = "00-" + hex.substring(0, 32) + "-" + hex.substring(32) + "-01";
            if (valid(value)) {
                return value;
            }
        }
    }

    /** The trace id (32 hex digits) of a valid value. */
    public static String traceId(String value) {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a traceparent: " + value);
        }
        return value.substring(3, 35);
    }
}

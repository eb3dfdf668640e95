package vn.inspectorate.platform.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C Trace Context {@code traceparent} values: {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}. A
 * value that does not fit (another version, an all-zero id, upper case) is not a trace context, and a new trace is
 * started instead, as the recommendation asks of a receiver.
 */
public final class TraceParent {

    /** The HTTP header, and the CloudEvents Distributed Tracing extension attribute, that carries it. */
    public static final String HEADER = "traceparent";

    private static final Pattern VERSION_00 = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_PARENT = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TraceParent() {
    }

    /** Whether {@code value} is a valid version-00 {@code traceparent}. */
    public static boolean valid(String value) {
        if (value == null) {
            return false;
        }
        var m = VERSION_00.matcher(value);
        return m.matches() && !ZERO_TRACE.equals(m.group(1)) && !ZERO_PARENT.equals(m.group(2));
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

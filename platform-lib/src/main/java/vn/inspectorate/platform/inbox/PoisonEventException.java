package vn.inspectorate.platform.inbox;

/**
 * An event that can never be processed (unparseable, unknown type version, payload that breaks its schema). It goes to
 * the dead-letter topic with this message as the reason; retrying would not help.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PoisonEventException(String reason) {
        super(reason);
    }
}

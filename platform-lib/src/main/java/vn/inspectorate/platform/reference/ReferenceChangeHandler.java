package vn.inspectorate.platform.reference;

import java.util.Set;

/**
 * A cache of reference data that an event on the reference topic makes stale. Every instance hears every such event
 * ({@link ReferenceChangeListener}), whichever instance (or service) made the change, so a bean of this type drops its
 * copy and the next reader loads what the change committed.
 */
public interface ReferenceChangeHandler {

    /** The event types that change what this cache holds. */
    Set<String> eventTypes();

    /**
     * Called on the listener's thread once the change's event arrived, which is after the change committed. Must be
     * idempotent (an event may come twice) and cheap; a failure is logged and leaves the maximum age as the backstop.
     */
    void changed(ReferenceChange change);
}

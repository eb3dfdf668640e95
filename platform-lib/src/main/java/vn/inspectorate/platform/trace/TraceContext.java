package vn.inspectorate.platform.trace;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The W3C trace context that an event written now belongs to: the event being consumed on this thread (so an event
 * caused by an event stays in its trace), else the current HTTP request's, else a new trace (a scheduled job).
 */
@ApplicationScoped
public class TraceContext {

    private static final ThreadLocal<String> CONSUMING = new ThreadLocal<>();

    private final RequestTrace request;

    TraceContext(RequestTrace request) {
        this.request = request;
    }

    /** The {@code traceparent} for an event written now; never null. */
    public String current() {
        String consuming = CONSUMING.get();
        if (consuming != null) {
            return consuming;
        }
        if (Arc.container().requestContext().isActive()) {
            return request.get();
        }
        return TraceParent.newTrace();
    }

    /**
     * Runs {@code work} in the trace of a consumed event's {@code traceparent}; without a valid one, in a new trace
     * shared by what {@code work} writes.
     */
    public void within(String traceparent, Runnable work) {
        String previous = CONSUMING.get();
        CONSUMING.set(TraceParent.valid(traceparent) ? traceparent : TraceParent.newTrace());
        try {
            work.run();
        } finally {
            if (previous == null) {
                CONSUMING.remove();
            } else {
                CONSUMING.set(previous);
            }
        }
    }
}

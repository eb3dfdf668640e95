package vn.inspectorate.platform.trace;

import jakarta.enterprise.context.RequestScoped;

/** The trace context of the current HTTP request: the caller's {@code traceparent}, or one started for it. */
@RequestScoped
class RequestTrace {

    private String traceparent;

    String get() {
        if (traceparent == null) {
            traceparent = TraceParent.newTrace();
        }
        return traceparent;
    }

    void offer(String header) {
        if (TraceParent.valid(header)) {
            traceparent = header;
        }
    }
}

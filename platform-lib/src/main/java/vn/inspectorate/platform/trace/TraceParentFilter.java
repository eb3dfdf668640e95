package vn.inspectorate.platform.trace;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Takes the caller's W3C {@code traceparent} for the request; a request without a valid one starts a new trace when
 * it first needs one (an event it causes).
 */
public class TraceParentFilter {

    private final RequestTrace trace;

    TraceParentFilter(RequestTrace trace) {
        this.trace = trace;
    }

    // runs where every pre-matching filter runs, on the I/O thread; said so, since a filter declared as possibly
    // blocking here would keep JsonBodyPrefetch off that thread
    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public void take(ContainerRequestContext request) {
        trace.offer(request.getHeaderString(TraceParent.HEADER));
    }
}

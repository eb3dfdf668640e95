package vn.inspectorate.gateway.correlation;

import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import vn.inspectorate.platform.trace.TraceParent;

/**
 * Accepts a caller's {@code X-Request-Id} (or creates one), returns it on every response, and puts it in the logging
 * context of the request. Registered first of all routes so that even a refused oversize body carries it.
 * <p>
 * Likewise the W3C {@code traceparent}: a caller's valid one is forwarded upstream unchanged, and a request without
 * one (or with an invalid one) starts a new trace, so the events a request causes carry a trace context the caller
 * can be told about.
 */
@ApplicationScoped
public class RequestIdHandler {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Key of the id in the routing context's data. */
    public static final String CONTEXT_KEY = "inspectorate.requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String id = accepted(ctx.request().getHeader(HEADER));
            ctx.put(CONTEXT_KEY, id);
            // the request carries the id on to the upstream; a replaced or created id must be forwarded as it is returned
            ctx.request().headers().set(HEADER, id);
            ctx.request().headers().set(TraceParent.HEADER, traceparent(ctx.request().getHeader(TraceParent.HEADER)));
            ctx.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            ctx.addEndHandler(done -> MDC.remove(MDC_KEY));
            ctx.next();
        });
    }

    /** The caller's trace context if it is a valid {@code traceparent}, else a new trace. */
    static String traceparent(String offered) {
        return TraceParent.valid(offered) ? offered : TraceParent.newTrace();
    }

    /** The caller's id if it is a sane token (no log injection), else a new one. */
    static String accepted(String offered) {
        if (offered != null && ACCEPTABLE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }
}

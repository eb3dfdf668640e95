package vn.inspectorate.complaints.cases;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code POST /api/v1/cases:batch} (the custom-method style of the API) is served by {@code /api/v1/cases/batch}:
 * JAX-RS path templates do not match a literal colon after a segment reliably, so the request is rerouted first.
 */
@ApplicationScoped
public class BatchPathAlias {

    static final String COLON_PATH = "/api/v1/cases:batch";
    static final String ENCODED_PATH = "/api/v1/cases%3Abatch";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String path = ctx.request().path();
            if (COLON_PATH.equals(path) || ENCODED_PATH.equalsIgnoreCase(path)) {
                String query = ctx.request().query();
                ctx.reroute("/api/v1/cases/batch" + (query == null ? "" : "?" + query));
            } else {
                ctx.next();
            }
        });
    }
}

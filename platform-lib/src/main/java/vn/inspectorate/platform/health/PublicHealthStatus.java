package vn.inspectorate.platform.health;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Function;

/**
 * Liveness and readiness on the public port, status only. The full checks (with their data: backlogs, upstream
 * addresses, errors) live on the management interface with the metrics; a load balancer in front of the public port
 * needs the verdict alone: {@code {"status":"UP"}} with 200, or {@code DOWN} with 503, exactly as the full check.
 */
@ApplicationScoped
public class PublicHealthStatus {

    public static final String LIVE = "/q/health/live";
    public static final String READY = "/q/health/ready";

    private final SmallRyeHealthReporter reporter;

    PublicHealthStatus(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    void register(@Observes Router router) {
        // checks may use the database: they run off the event loop, as on the management interface
        router.get(LIVE).blockingHandler(ctx -> answer(ctx, SmallRyeHealthReporter::getLiveness), false);
        router.get(READY).blockingHandler(ctx -> answer(ctx, SmallRyeHealthReporter::getReadiness), false);
    }

    private void answer(RoutingContext ctx, Function<SmallRyeHealthReporter, SmallRyeHealth> check) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            SmallRyeHealth health = check.apply(reporter);
            ctx.response().setStatusCode(health.isDown() ? 503 : 200)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end("{\"status\":\"" + (health.isDown() ? "DOWN" : "UP") + "\"}");
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}

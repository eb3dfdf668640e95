package vn.inspectorate.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.inspectorate.platform.language.Languages;

/**
 * The HTTP layer refuses an oversize body before any resource runs, with an empty 413; this turns that refusal into
 * a problem response like every other error. A body announced by {@code Content-Length} as too large is answered here,
 * ahead of Quarkus' own check (which ends the response itself and never reaches a failure handler); a streamed body
 * that grows too large fails the route with 413, which the failure handler turns into the same problem.
 */
@ApplicationScoped
public class BodyLimitProblemFilter {

    private final ObjectMapper mapper;
    private final long maxBodySize;

    BodyLimitProblemFilter(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.mapper = mapper;
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(-1L);
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (maxBodySize >= 0 && announcedLength(ctx) > maxBodySize && !ctx.response().headWritten()) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                if (!tooLarge(ctx)) {
                    ctx.next();
                }
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() != 413 || ctx.response().headWritten() || !tooLarge(ctx)) {
                ctx.next();
            }
        });
    }

    private static long announcedLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Answers 413 as a problem; false if the problem could not be written. */
    private boolean tooLarge(RoutingContext ctx) {
        try {
            var language = Languages.negotiate(ctx.request().getHeader(Languages.ACCEPT_LANGUAGE));
            byte[] body = mapper.writeValueAsBytes(Problem.keyed(413, "payload-too-large",
                    "problem.payload-too-large.detail").withInstance(ctx.normalizedPath()).localized(language));
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(Languages.CONTENT_LANGUAGE, Languages.tag(language))
                    .putHeader(Languages.VARY, Languages.ACCEPT_LANGUAGE)
                    .end(Buffer.buffer(body));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

}

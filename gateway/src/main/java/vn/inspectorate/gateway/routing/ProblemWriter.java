package vn.inspectorate.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.problem.Problem;

/**
 * Writes RFC 9457 problems on routes served outside REST resources (the proxy), in the language the request asks for
 * (Vietnamese unless it prefers English).
 */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper mapper;

    ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(RoutingContext ctx, Problem problem, Map<String, String> headers) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            ctx.response().reset();
            return;
        }
        Locale language = Languages.negotiate(ctx.request().getHeader(Languages.ACCEPT_LANGUAGE));
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem.withInstance(ctx.normalizedPath()).localized(language));
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + problem.status() + "}").getBytes();
        }
        if (!ctx.request().isEnded() && problem.status() != 413) {
            // the proxy paused the body while it decided; drop it so the connection can serve the next request
            ctx.request().handler(chunk -> { }).resume();
        }
        var response = ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(Languages.CONTENT_LANGUAGE, Languages.tag(language));
        response.headers().add(Languages.VARY, Languages.ACCEPT_LANGUAGE);
        headers.forEach(response::putHeader);
        response.end(Buffer.buffer(body));
    }

    public void write(RoutingContext ctx, Problem problem) {
        write(ctx, problem, Map.of());
    }
}

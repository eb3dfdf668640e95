package vn.inspectorate.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.inspectorate.platform.language.Languages;

/**
 * Writes every problem a REST resource or exception mapper answers in the language the request asks for, and says so
 * ({@code Content-Language}, {@code Vary: Accept-Language}). Routes outside REST (body limit, the gateway's proxy)
 * call {@link Problem#localized} themselves.
 */
public class ProblemLanguage {

    @ServerResponseFilter
    public void localize(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem) {
            Locale language = Languages.negotiate(request.getHeaderString(Languages.ACCEPT_LANGUAGE));
            response.setEntity(problem.localized(language), response.getEntityAnnotations(), Problem.MEDIA);
            announce(response.getHeaders(), language);
        }
    }

    /** Content-Language and Vary for a body written in {@code language}. */
    public static void announce(MultivaluedMap<String, Object> headers, Locale language) {
        headers.putSingle(Languages.CONTENT_LANGUAGE, Languages.tag(language));
        if (headers.get(Languages.VARY) == null || headers.get(Languages.VARY).stream()
                .noneMatch(v -> String.valueOf(v).toLowerCase(Locale.ROOT).contains("accept-language"))) {
            headers.add(Languages.VARY, Languages.ACCEPT_LANGUAGE);
        }
    }
}

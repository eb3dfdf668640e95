package vn.inspectorate.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code errors} names the offending fields of a request; {@code extensions} carries any
 * further members (e.g. the transitions allowed from a state).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://inspectorate.gov.vn/problems/";

    /** One offending field: its JSON path (e.g. {@code cases[3].receivedOn}) and what is wrong with it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProblemFieldError")
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, List.of(), Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, extensions);
    }

    public Problem withExtensions(Map<String, Object> more) {
        return new Problem(type, title, status, detail, instance, errors, more);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, extensions);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    /** Extensions are written as top-level members, not under their own name. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}

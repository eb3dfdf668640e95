package vn.inspectorate.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.language.Messages;

/**
 * An RFC 9457 problem detail. {@code errors} names the offending fields of a request; {@code extensions} carries any
 * further members (e.g. the transitions allowed from a state).
 * <p>
 * Its title and detail are written in the request's language when the response is written ({@link #localized}): the
 * title from the bundles by the type's slug ({@code problem.<slug>.title}, else by status in Vietnamese), the detail
 * from {@code detailText} when the problem was made from a bundle key. A problem made from literal English text keeps
 * that detail.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extensions,
        @JsonIgnore Text detailText) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://inspectorate.gov.vn/problems/";

    public Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
            Map<String, Object> extensions) {
        this(type, title, status, detail, instance, errors, extensions, null);
    }

    /** One offending field: its JSON path (e.g. {@code cases[3].receivedOn}) and what is wrong with it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProblemFieldError")
    public record FieldError(String field, String message, @JsonIgnore Text text) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }

        /** A field error whose message is {@code key} in the bundles. */
        public static FieldError of(String field, String key, Object... args) {
            Text text = new Text(key, args);
            return new FieldError(field, text.in(Languages.ENGLISH), text);
        }

        /** This field error in {@code language}: a message from the bundles is worded again, a literal one kept. */
        public FieldError localized(Locale language) {
            return text == null ? this : new FieldError(field, text.in(language), text);
        }
    }

    /** A text from the bundles: its key and the arguments of its pattern. */
    public record Text(String key, Object... args) {

        public String in(Locale language) {
            Object[] local = args == null ? new Object[0] : args.clone();
            for (int i = 0; i < local.length; i++) {
                if (local[i] instanceof Text nested) {
                    local[i] = nested.in(language);
                }
            }
            return Messages.text(language, key, local);
        }
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, List.of(), Map.of());
    }

    /**
     * A problem whose title is {@code problem.<slug>.title} and whose detail is {@code detailKey} with its arguments,
     * in the bundles. It carries the English text until it is written in the request's language.
     */
    public static Problem keyed(int status, String slug, String detailKey, Object... args) {
        Text detail = new Text(detailKey, args);
        // a type without a title of its own takes its status's, as the literal problems did ("Conflict", ...)
        String title = Messages.find(Languages.ENGLISH, titleKey(slug))
                .or(() -> Messages.find(Languages.ENGLISH, "problem.status." + status + ".title")).orElse(slug);
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail.in(Languages.ENGLISH), null, List.of(),
                Map.of(), detail);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, extensions, detailText);
    }

    public Problem withExtensions(Map<String, Object> more) {
        return new Problem(type, title, status, detail, instance, errors, more, detailText);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, extensions, detailText);
    }

    /** This problem in {@code language}: see the class comment. */
    public Problem localized(Locale language) {
        String slug = slug();
        String localTitle = Messages.find(language, titleKey(slug))
                .or(() -> Languages.isEnglish(language) ? java.util.Optional.empty()
                        : Messages.find(language, "problem.status." + status + ".title"))
                .orElse(title);
        String localDetail = detailText == null ? detail : detailText.in(language);
        List<FieldError> localErrors = errors == null ? null
                : errors.stream().map(e -> e.localized(language)).toList();
        return new Problem(type, localTitle, status, localDetail, instance, localErrors, extensions, detailText);
    }

    /** The last segment of the type: {@code not-found} for {@code .../problems/not-found}. */
    @JsonIgnore
    public String slug() {
        String t = type == null ? "" : type.toString();
        return t.startsWith(TYPE_BASE) ? t.substring(TYPE_BASE.length()) : t.substring(t.lastIndexOf('/') + 1);
    }

    private static String titleKey(String slug) {
        return "problem." + slug + ".title";
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    /** Extensions are written as top-level members, not under their own name. */
    @JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}

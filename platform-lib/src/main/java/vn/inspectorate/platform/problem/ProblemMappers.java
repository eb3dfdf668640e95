package vn.inspectorate.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.inspectorate.platform.Causes;
import vn.inspectorate.platform.security.BearerChallenge;

/**
 * Turns every failure into an RFC 9457 problem. A client's mistake is a 4xx naming what is wrong; anything else is a
 * 500 that carries an error id for the logs, never a stack trace.
 * <p>
 * One class for every mapper, however long: which failure a client caused and which it did not is decided here, and a
 * second place would let the two drift.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ResteasyReactiveViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(v -> v.getExecutableReturnValue() != null)) {
            return unexpected(e, uri);
        }
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of(400, "invalid-request", "Invalid request", "The request has " + errors.size()
                + " invalid field" + (errors.size() == 1 ? "" : "s") + ".").withErrors(errors)
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = path(e);
        return Problem.of(400, "unknown-field", "Unknown field", "The field '" + field + "' is not part of this request.")
                .withErrors(List.of(new Problem.FieldError(field, "unknown field"))).withInstance(uri.getPath())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String field = path(e);
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            message = "unknown value '" + e.getValue() + "'; allowed: " + Arrays.stream(target.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else {
            message = "'" + e.getValue() + "' is not a valid " + typeName(target);
        }
        return Problem.of(400, "invalid-value", "Invalid value", "The field '" + field + "' has an invalid value.")
                .withErrors(List.of(new Problem.FieldError(field, message))).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        if (field.isEmpty()) {
            return Problem.of(400, "malformed-body", "Malformed request body", "The body is missing or is not the "
                    + "expected JSON " + typeName(e.getTargetType()) + ".").withInstance(uri.getPath()).toResponse();
        }
        return Problem.of(400, "invalid-value", "Invalid value", "The field '" + field + "' has the wrong type.")
                .withErrors(List.of(new Problem.FieldError(field, "expected " + typeName(e.getTargetType()))))
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return Problem.of(400, "malformed-body", "Malformed JSON", "The body is not valid JSON" + where + ".")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        Problem p = Problem.of(400, "malformed-body", "Malformed request body", "The body could not be read as this "
                + "request" + (field.isEmpty() ? "." : " (at '" + field + "')."));
        return p.withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        // the JSON body reader wraps parse errors (and mapping errors other than mismatched input) in a plain 400
        if (status == 400 && e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return otherJson(json, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        // the REST spec answers a query parameter that is no number or date 404 (no such resource); it is bad input
        if (status == 404 && (e.getCause() instanceof NumberFormatException
                || e.getCause() instanceof java.time.format.DateTimeParseException)) {
            return Problem.of(400, "invalid-parameter", "Invalid parameter", "A parameter is not a valid number or"
                    + " date.").withInstance(uri.getPath()).toResponse();
        }
        // likewise a query parameter that names no value of its enum; a path segment that is no id stays a 404
        if (status == 404 && e.getCause() instanceof IllegalArgumentException && !uri.getQueryParameters().isEmpty()) {
            return Problem.of(400, "invalid-parameter", "Invalid parameter", "A query parameter is not one of its"
                    + " allowed values.").withInstance(uri.getPath()).toResponse();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request refused" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "No representation the client accepts is available.";
            case 413 -> "The request body is too large.";
            case 415 -> "This content type is not accepted here; send application/json.";
            default -> e.getMessage();
        };
        Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA)
                .entity(Problem.of(status, slug(title), title, detail).withInstance(uri.getPath()));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(v -> r.header(name, v));
            }
        });
        return r.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        // RFC 6750: a bare challenge when no token came, invalid_token (with why) when one came and was refused
        String challenge = BearerChallenge.forUnauthenticated(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                BearerChallenge.describe(e));
        return Response.status(401).type(Problem.MEDIA).header(BearerChallenge.HEADER, challenge)
                .entity(Problem.of(401, "unauthenticated", "Unauthenticated",
                        "A valid bearer token from the inspectorate realm is required.").withInstance(uri.getPath()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA)
                .header(BearerChallenge.HEADER, BearerChallenge.insufficientScope(ROLE_REFUSED))
                .entity(Problem.of(403, "forbidden", "Forbidden", ROLE_REFUSED).withInstance(uri.getPath()))
                .build();
    }

    private static final String ROLE_REFUSED = "Your role does not allow this request.";

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return Problem.of(409, "concurrent-change", "Conflict", "The record was changed by another request; "
                + "read it again and retry.").withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            // the client did nothing wrong and nothing was written: it may retry the same request (same key) later
            LOG.warnf("database unavailable on %s: %s", uri.getPath(), e.getMessage());
            return Response.status(503).type(Problem.MEDIA).header("Retry-After", DATABASE_RETRY_AFTER_SECONDS)
                    .entity(Problem.of(503, "service-unavailable", "Service unavailable",
                            "The service cannot reach its database just now; nothing was changed. Retry later.")
                            .withInstance(uri.getPath()))
                    .build();
        }
        if (lostToAConcurrentTransaction(e)) {
            // the database rolled the whole transaction back: nothing was written, and the same request may succeed
            LOG.warnf("transaction lost to a concurrent one on %s: %s", uri.getPath(), e.getMessage());
            return Response.status(503).type(Problem.MEDIA).header("Retry-After", CONFLICT_RETRY_AFTER_SECONDS)
                    .entity(Problem.of(503, "concurrent-transaction", "Service unavailable",
                            "The request met another one changing the same records and was undone; nothing was "
                                    + "changed. Retry it.").withInstance(uri.getPath()))
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", errorId, uri.getPath());
        return Problem.of(500, "internal-error", "Internal error", "The request failed on our side; quote error id "
                + errorId + " when reporting it.").withExtensions(Map.of("errorId", errorId))
                .withInstance(uri.getPath()).toResponse();
    }

    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;
    private static final int CONFLICT_RETRY_AFTER_SECONDS = 1;

    /**
     * Whether the database chose this transaction as a deadlock's victim (SQL state 40P01) or could not serialise it
     * (40001), anywhere in the cause chain. The code should not let that happen, but when it does the client is not to
     * blame and a retry can succeed.
     */
    static boolean lostToAConcurrentTransaction(Throwable e) {
        return Causes.any(e, t -> t instanceof java.sql.SQLException sql && ("40P01".equals(sql.getSQLState())
                || "40001".equals(sql.getSQLState())));
    }

    /**
     * Whether the failure is the database being out of reach (down, restarting, pool exhausted): SQL state class 08
     * (connection exception) or 57P (operator intervention: shutdown, cannot connect now), a transient connection
     * exception, or the pool's acquisition timeout, anywhere in the cause chain.
     */
    static boolean databaseUnavailable(Throwable e) {
        return Causes.any(e, t -> {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                return (state != null && (state.startsWith("08") || state.startsWith("57P")))
                        || (sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout"));
            }
            return false;
        });
    }

    /** {@code create.arg0.cases[2].subject} → {@code cases[2].subject}: the client knows the body, not our method. */
    static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        boolean afterParameter = false;
        for (var node : v.getPropertyPath()) {
            var kind = node.getKind();
            if (kind == jakarta.validation.ElementKind.METHOD || kind == jakarta.validation.ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == jakarta.validation.ElementKind.PARAMETER) {
                // a query or header parameter is named by itself; a body parameter's name means nothing to the client
                field.setLength(0);
                field.append(node.getName());
                afterParameter = true;
                continue;
            }
            if (afterParameter && kind != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                field.setLength(0);
            }
            afterParameter = false;
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "date (ISO 8601)";
        }
        if (type.isEnum()) {
            return "value of " + type.getSimpleName();
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}

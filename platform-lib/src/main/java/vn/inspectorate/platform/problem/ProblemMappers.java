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
        return Problem.keyed(400, "invalid-request", "problem.invalid-request.fields", errors.size()).withErrors(errors)
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = path(e);
        return Problem.keyed(400, "unknown-field", "problem.unknown-field.detail", field)
                .withErrors(List.of(Problem.FieldError.of(field, "problem.unknown-field.error")))
                .withInstance(uri.getPath())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String field = path(e);
        Class<?> target = e.getTargetType();
        Problem.FieldError error;
        if (target != null && target.isEnum()) {
            error = Problem.FieldError.of(field, "problem.invalid-value.not-allowed", String.valueOf(e.getValue()),
                    Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
        } else {
            error = Problem.FieldError.of(field, "problem.invalid-value.not-a", String.valueOf(e.getValue()),
                    typeName(target));
        }
        return Problem.keyed(400, "invalid-value", "problem.invalid-value.detail", field)
                .withErrors(List.of(error)).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        if (field.isEmpty()) {
            return Problem.keyed(400, "malformed-body", "problem.malformed-body.not-the-expected",
                    typeName(e.getTargetType())).withInstance(uri.getPath()).toResponse();
        }
        return Problem.keyed(400, "invalid-value", "problem.invalid-value.wrong-type", field)
                .withErrors(List.of(Problem.FieldError.of(field, "problem.invalid-value.expected",
                        typeName(e.getTargetType()))))
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        var at = e.getLocation();
        Problem p = at == null ? Problem.keyed(400, "malformed-body", "problem.malformed-body.json")
                : Problem.keyed(400, "malformed-body", "problem.malformed-body.json-at", String.valueOf(at.getLineNr()),
                        String.valueOf(at.getColumnNr()));
        return p.withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        Problem p = field.isEmpty() ? Problem.keyed(400, "malformed-body", "problem.malformed-body.unreadable")
                : Problem.keyed(400, "malformed-body", "problem.malformed-body.unreadable-at", field);
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
            return Problem.keyed(400, "invalid-parameter", "problem.invalid-parameter.format")
                    .withInstance(uri.getPath()).toResponse();
        }
        // likewise a query parameter that names no value of its enum; a path segment that is no id stays a 404
        if (status == 404 && e.getCause() instanceof IllegalArgumentException && !uri.getQueryParameters().isEmpty()) {
            return Problem.keyed(400, "invalid-parameter", "problem.invalid-parameter.not-allowed")
                    .withInstance(uri.getPath()).toResponse();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request refused" : known.getReasonPhrase();
        Problem problem = switch (status) {
            case 404, 405, 406, 413, 415, 429 -> Problem.keyed(status, slug(title), "problem.http." + status);
            default -> Problem.of(status, slug(title), title, e.getMessage());
        };
        Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA)
                .entity(problem.withInstance(uri.getPath()));
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
                .entity(Problem.keyed(401, "unauthenticated", "problem.unauthenticated.detail")
                        .withInstance(uri.getPath()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA)
                .header(BearerChallenge.HEADER, BearerChallenge.insufficientScope(ROLE_REFUSED))
                .entity(Problem.keyed(403, "forbidden", "problem.forbidden.role").withInstance(uri.getPath()))
                .build();
    }

    private static final String ROLE_REFUSED = "Your role does not allow this request.";

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return Problem.keyed(409, "concurrent-change", "problem.concurrent-change.detail")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            // the client did nothing wrong and nothing was written: it may retry the same request (same key) later
            LOG.warnf("database unavailable on %s: %s", uri.getPath(), e.getMessage());
            return Response.status(503).type(Problem.MEDIA).header("Retry-After", DATABASE_RETRY_AFTER_SECONDS)
                    .entity(Problem.keyed(503, "service-unavailable", "problem.service-unavailable.database")
                            .withInstance(uri.getPath()))
                    .build();
        }
        if (lostToAConcurrentTransaction(e)) {
            // the database rolled the whole transaction back: nothing was written, and the same request may succeed
            LOG.warnf("transaction lost to a concurrent one on %s: %s", uri.getPath(), e.getMessage());
            return Response.status(503).type(Problem.MEDIA).header("Retry-After", CONFLICT_RETRY_AFTER_SECONDS)
                    .entity(Problem.keyed(503, "concurrent-transaction", "problem.concurrent-transaction.detail")
                            .withInstance(uri.getPath()))
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", errorId, uri.getPath());
        return Problem.keyed(500, "internal-error", "problem.internal-error.detail", errorId)
                .withExtensions(Map.of("errorId", errorId))
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

    private static Problem.Text typeName(Class<?> type) {
        return new Problem.Text("problem.type." + typeKey(type), type != null && type.isEnum() ? type.getSimpleName() : "");
    }

    private static String typeKey(Class<?> type) {
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
            return "date";
        }
        if (type.isEnum()) {
            return "enum";
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

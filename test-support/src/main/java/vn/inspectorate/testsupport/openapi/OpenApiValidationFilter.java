package vn.inspectorate.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Holds every request a test sends, and every response it receives, to the committed OpenAPI document of the service.
 * A request the document does not allow (tests send bad ones on purpose) must be refused with a 4xx; a response must
 * have a documented status and content type and a body valid against the documented schema, or the test fails.
 */
public final class OpenApiValidationFilter implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String name;
    private final OpenApiOperations operations;
    private final boolean onlyDocumentedPaths;

    /**
     * @param onlyDocumentedPaths whether requests to paths the document does not name are left alone (the gateway
     *                            routes paths of other documents) rather than counted as invalid
     */
    public OpenApiValidationFilter(String name, JsonNode document, boolean onlyDocumentedPaths) {
        this.name = name;
        this.operations = new OpenApiOperations(document);
        this.onlyDocumentedPaths = onlyDocumentedPaths;
    }

    /**
     * A filter holding requests and responses to the committed document {@code name}, counted for the report printed at
     * the end of the test run.
     */
    public static OpenApiValidationFilter counting(String name, JsonNode document, boolean onlyDocumentedPaths) {
        ValidationCounters.start(name);
        return new OpenApiValidationFilter(name, document, onlyDocumentedPaths);
    }

    public String name() {
        return name;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext ctx) {
        URI uri = URI.create(request.getURI());
        // decoded, as the service routes it (e.g. /api/v1/cases%3Abatch is /api/v1/cases:batch)
        String path = uri.getPath();
        if (path == null || !path.startsWith("/api/")
                || (onlyDocumentedPaths && operations.template(path).isEmpty())) {
            return ctx.next(request, responseSpec);
        }
        String method = request.getMethod();
        Optional<OpenApiOperations.Match> match = operations.match(method, path);
        List<String> requestErrors = match.map(m -> requestErrors(m, request, uri))
                .orElseGet(() -> List.of(method + " " + path + " is not a documented operation"));
        Response response = ctx.next(request, responseSpec);
        int status = response.statusCode();
        ValidationCounters counters = ValidationCounters.instance();
        if (!requestErrors.isEmpty()) {
            counters.invalidRequest();
            if (status < 400 || status >= 500) {
                counters.failure();
                throw new AssertionError("[openapi] " + method + " " + uri + " is invalid against " + name
                        + ".yaml (" + String.join("; ", requestErrors) + ") but was answered " + status);
            }
        } else {
            counters.validRequest();
        }
        if (match.isPresent()) {
            List<String> responseErrors = responseErrors(match.get(), response);
            counters.response();
            if (!responseErrors.isEmpty()) {
                counters.failure();
                throw new AssertionError("[openapi] the answer " + status + " to " + method + " " + uri
                        + " breaks " + name + ".yaml: " + String.join("; ", responseErrors)
                        + "\n  body: " + abbreviate(response.asString()));
            }
        }
        return response;
    }

    private List<String> requestErrors(OpenApiOperations.Match match, FilterableRequestSpecification request, URI uri) {
        List<String> errors = new ArrayList<>();
        Map<String, List<String>> query = query(uri.getRawQuery());
        for (JsonNode parameter : operations.parameters(match)) {
            String in = parameter.path("in").asText();
            String pname = parameter.path("name").asText();
            List<String> values = switch (in) {
                case "path" -> match.pathParameters().containsKey(pname)
                        ? List.of(match.pathParameters().get(pname)) : List.of();
                case "query" -> query.getOrDefault(pname, List.of());
                case "header" -> request.getHeaders().getList(pname).stream().map(Header::getValue).toList();
                default -> List.of();
            };
            if (values.isEmpty()) {
                if (parameter.path("required").asBoolean(false)) {
                    errors.add(in + " parameter " + pname + " is required");
                }
                continue;
            }
            JsonNode schema = parameter.path("schema");
            JsonNode value = schema.path("type").toString().contains("array")
                    ? typed(values, operations.resolve(schema.path("items")))
                    : typed(values.get(0), operations.resolve(schema));
            String pointer = parameterPointer(match, parameter);
            if (pointer != null) {
                for (ValidationMessage m : operations.schema(pointer).validate(value)) {
                    errors.add(in + " parameter " + pname + "=" + values + ": " + m.getMessage());
                }
            }
        }
        JsonNode requestBody = operations.resolve(match.operation().path("requestBody"));
        Object body = request.getBody();
        if (requestBody.isMissingNode()) {
            return errors;
        }
        if (body == null) {
            if (requestBody.path("required").asBoolean(false)) {
                errors.add("a body is required");
            }
            return errors;
        }
        String contentType = mediaType(request.getContentType());
        if (contentType == null || !requestBody.path("content").has(contentType)) {
            errors.add("content type " + contentType + " is not one the operation consumes");
            return errors;
        }
        if (isJson(contentType)) {
            JsonNode json;
            try {
                json = body instanceof String s ? JSON.readTree(s)
                        : body instanceof byte[] b ? JSON.readTree(b) : JSON.valueToTree(body);
            } catch (Exception e) {
                errors.add("the body is not JSON");
                return errors;
            }
            if (json == null || json.isMissingNode()) {
                errors.add("the body is empty");
                return errors;
            }
            String pointer = "/paths/" + OpenApiOperations.pointerEscape(match.path()) + "/" + match.method()
                    + "/requestBody/content/" + OpenApiOperations.pointerEscape(contentType) + "/schema";
            if (match.operation().path("requestBody").has("$ref")) {
                pointer = match.operation().path("requestBody").get("$ref").asText().substring(1)
                        + "/content/" + OpenApiOperations.pointerEscape(contentType) + "/schema";
            }
            for (ValidationMessage m : operations.schema(pointer).validate(json)) {
                errors.add("body: " + m.getMessage());
            }
        }
        return errors;
    }

    private String parameterPointer(OpenApiOperations.Match match, JsonNode parameter) {
        String op = "/paths/" + OpenApiOperations.pointerEscape(match.path()) + "/" + match.method() + "/parameters";
        String item = "/paths/" + OpenApiOperations.pointerEscape(match.path()) + "/parameters";
        for (String base : List.of(op, item)) {
            JsonNode list = operations.document().at(base);
            for (int i = 0; i < list.size(); i++) {
                if (operations.resolve(list.get(i)) == parameter) {
                    return list.get(i).has("$ref") ? list.get(i).get("$ref").asText().substring(1) + "/schema"
                            : base + "/" + i + "/schema";
                }
            }
        }
        return null;
    }

    private List<String> responseErrors(OpenApiOperations.Match match, Response response) {
        List<String> errors = new ArrayList<>();
        String status = String.valueOf(response.statusCode());
        JsonNode responses = match.operation().path("responses");
        String key = responses.has(status) ? status
                : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            errors.add("status " + status + " is not documented");
            return errors;
        }
        JsonNode documented = operations.resolve(responses.get(key));
        byte[] body = response.asByteArray();
        boolean hasBody = body != null && body.length > 0 && !"head".equals(match.method());
        if (!hasBody) {
            return errors;
        }
        String contentType = mediaType(response.contentType());
        JsonNode content = documented.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            errors.add("status " + status + " is documented without a body, but one came (" + contentType + ")");
            return errors;
        }
        if (contentType == null || !content.has(contentType)) {
            errors.add("content type " + contentType + " is not documented for " + status + " (documented: "
                    + content.properties().stream().map(Map.Entry::getKey).toList() + ")");
            return errors;
        }
        if (isJson(contentType)) {
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (Exception e) {
                errors.add("the body is not JSON");
                return errors;
            }
            String base = responses.get(key).has("$ref")
                    ? responses.get(key).get("$ref").asText().substring(1)
                    : "/paths/" + OpenApiOperations.pointerEscape(match.path()) + "/" + match.method() + "/responses/"
                            + key;
            String pointer = base + "/content/" + OpenApiOperations.pointerEscape(contentType) + "/schema";
            if (operations.document().at(pointer).isMissingNode()) {
                return errors;
            }
            Set<ValidationMessage> messages = operations.schema(pointer).validate(json);
            messages.forEach(m -> errors.add(m.getMessage()));
        }
        return errors;
    }

    /** A parameter's text as the JSON value its schema's type names, so the schema checks the type too. */
    private static JsonNode typed(String text, JsonNode schema) {
        String type = schema.path("type").toString();
        if (type.contains("integer")) {
            try {
                return JsonNodeFactory.instance.numberNode(new java.math.BigInteger(text));
            } catch (NumberFormatException e) {
                return JsonNodeFactory.instance.textNode(text);
            }
        }
        if (type.contains("number")) {
            try {
                return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(text));
            } catch (NumberFormatException e) {
                return JsonNodeFactory.instance.textNode(text);
            }
        }
        if (type.contains("boolean") && (text.equals("true") || text.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    private static JsonNode typed(List<String> values, JsonNode itemSchema) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(v -> array.add(typed(v, itemSchema)));
        return array;
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 597) + "..." : text;
    }
}

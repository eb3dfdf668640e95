package vn.inspectorate.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/** What RFC 9457 asks of an error answer, as this platform promises it for every 4xx. */
final class ProblemDocuments {

    /** Null when the answer is a valid problem for this status, else what is wrong with it. */
    static String violation(int status, String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json")) {
            return "Content-Type is " + contentType + ", not application/problem+json";
        }
        JsonNode problem;
        try {
            problem = WriteOperations.JSON.readTree(body);
        } catch (IOException e) {
            return "body is not JSON: " + e.getMessage();
        }
        if (problem == null || !problem.isObject()) {
            return "body is not a JSON object";
        }
        JsonNode type = problem.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            return "no type";
        }
        try {
            new URI(type.asText());
        } catch (URISyntaxException e) {
            return "type is not a URI reference: " + type.asText();
        }
        JsonNode title = problem.get("title");
        if (title == null || !title.isTextual() || title.asText().isBlank()) {
            return "no title";
        }
        JsonNode statusField = problem.get("status");
        if (statusField == null || !statusField.isInt() || statusField.asInt() != status) {
            return "status field " + statusField + " differs from HTTP status " + status;
        }
        JsonNode detail = problem.get("detail");
        if (detail != null && !detail.isTextual()) {
            return "detail is not a string";
        }
        JsonNode instance = problem.get("instance");
        if (instance != null && !instance.isTextual()) {
            return "instance is not a string";
        }
        JsonNode errors = problem.get("errors");
        if (errors != null) {
            if (!errors.isArray()) {
                return "errors is not an array";
            }
            for (JsonNode error : errors) {
                if (!error.path("field").isTextual() || !error.path("message").isTextual()) {
                    return "an error lacks field or message: " + error;
                }
            }
        }
        return null;
    }

    private ProblemDocuments() {
    }
}

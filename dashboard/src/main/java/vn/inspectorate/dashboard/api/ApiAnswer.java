package vn.inspectorate.dashboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One answer of the platform's API: its status, its JSON body (a problem when it is not a 2xx) and the request id the
 * gateway gave it, which a page shows beside any problem so that support can find the call in the logs.
 */
public record ApiAnswer(int status, JsonNode body, String requestId) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The RFC 9457 problem of a failed call, in words; a network failure is status 0 with a problem of its own. */
    public Optional<ApiProblem> problem() {
        if (ok()) {
            return Optional.empty();
        }
        String title = body == null ? null : text(body, "title");
        String detail = body == null ? null : text(body, "detail");
        return Optional.of(new ApiProblem(status, title, detail, requestId));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

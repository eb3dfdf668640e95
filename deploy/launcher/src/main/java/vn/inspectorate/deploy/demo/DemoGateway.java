package vn.inspectorate.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The platform as the realm's demo accounts see it: every call goes through the gateway with a real token from
 * Keycloak. Rate limits (429) and a service briefly out of rotation (502, 503) are waited out; any other answer that
 * the caller did not expect is a {@link DemoDataException} naming the call, the status and the problem's detail.
 */
public final class DemoGateway {

    /** A status and its JSON body (null when there was none). */
    public record Answer(int status, JsonNode body) {

        public boolean created() {
            return status == 201;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    /** How long one call may wait out rate limits and restarts before it counts as failed. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Tokens are renewed this long before they expire. */
    private static final long RENEW_BEFORE_MS = 30_000;

    private record Token(String value, long expiresAtMs) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;
    private final String tokenUrl;
    private final Consumer<String> progress;
    private final Map<String, Token> tokens = new HashMap<>();

    public DemoGateway(String gatewayUrl, String tokenUrl, Consumer<String> progress) {
        this.gatewayUrl = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
        this.tokenUrl = tokenUrl;
        this.progress = progress;
    }

    public Answer get(String account, String path, int... expected) {
        return send(account, "GET", path, null, null, expected);
    }

    public Answer post(String account, String path, Object body, int... expected) {
        return send(account, "POST", path, body, null, expected);
    }

    /**
     * The record a 409 natural-key conflict names. The demo's dates follow the day it is loaded, so a load on a later
     * day meets its earlier records under the same keys with other dates; any other 409 is an error.
     */
    public String existingId(Answer conflict) {
        JsonNode body = conflict.body();
        if (body == null || !body.path("type").asText().endsWith("/natural-key-conflict")
                || !body.hasNonNull("existingId")) {
            throw new DemoDataException("409 that is not a natural-key conflict: " + body);
        }
        return body.path("existingId").asText();
    }

    /** A creating POST that the service de-duplicates by {@code Idempotency-Key}. */
    public Answer postOnce(String account, String path, String idempotencyKey, Object body, int... expected) {
        return send(account, "POST", path, body, idempotencyKey, expected);
    }

    private Answer send(String account, String method, String path, Object body, String idempotencyKey,
            int... expected) {
        String call = method + " " + path + " as " + account;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        boolean renewed = false;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token(account))
                    .header("Accept", "application/json");
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
            }
            HttpResponse<String> response = exchange(call, request.build());
            int status = response.statusCode();
            JsonNode json = read(response.body());
            if (Arrays.stream(expected).anyMatch(s -> s == status)) {
                return new Answer(status, json);
            }
            if (status == 401 && !renewed) {
                tokens.remove(account);
                renewed = true;
                continue;
            }
            if ((status == 429 || status == 502 || status == 503) && System.nanoTime() < deadline) {
                long waitS = response.headers().firstValue("Retry-After").map(DemoGateway::seconds).orElse(2L);
                if (waitS >= 5) {
                    progress.accept("demo data: " + (status == 429 ? "rate limited" : "service unavailable")
                            + " for " + account + ", waiting " + waitS + " s");
                }
                pause(Math.min(waitS, 60) * 1000);
                continue;
            }
            throw new DemoDataException(call + ": " + status + " " + problem(json, response.body()));
        }
    }

    /** A token for a demo client (client credentials) or user (password = user name), cached until it expires. */
    private String token(String account) {
        Token cached = tokens.get(account);
        if (cached != null && System.currentTimeMillis() < cached.expiresAtMs() - RENEW_BEFORE_MS) {
            return cached.value();
        }
        Map<String, String> form = new LinkedHashMap<>();
        if (account.startsWith("province-") || account.startsWith("partner-")) {
            form.put("grant_type", "client_credentials");
            form.put("client_id", account);
            form.put("client_secret", account + "-local-secret");
        } else {
            form.put("grant_type", "password");
            form.put("client_id", "inspectorate-dashboard");
            form.put("username", account);
            form.put("password", account);
        }
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build();
        HttpResponse<String> response = exchange("token for " + account, request);
        JsonNode json = read(response.body());
        if (response.statusCode() != 200 || json == null || !json.hasNonNull("access_token")) {
            throw new DemoDataException("token for " + account + " from Keycloak: " + response.statusCode() + " "
                    + (json != null && json.hasNonNull("error_description") ? json.get("error_description").asText()
                            : response.body()));
        }
        Token token = new Token(json.get("access_token").asText(),
                System.currentTimeMillis() + json.path("expires_in").asLong(60) * 1000);
        tokens.put(account, token);
        return token.value();
    }

    private HttpResponse<String> exchange(String call, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DemoDataException(call + ": no answer (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoDataException(call + ": interrupted");
        }
    }

    /** The problem's detail and field errors, or the start of whatever else came back. */
    private static String problem(JsonNode json, String raw) {
        if (json == null || !json.isObject()) {
            return raw == null || raw.isBlank() ? "(no body)" : raw.substring(0, Math.min(raw.length(), 300));
        }
        StringBuilder text = new StringBuilder(json.path("title").asText(""));
        if (json.hasNonNull("detail")) {
            text.append(text.isEmpty() ? "" : ": ").append(json.get("detail").asText());
        }
        for (JsonNode error : json.path("errors")) {
            text.append(" [").append(error.path("field").asText()).append(": ")
                    .append(error.path("message").asText()).append(']');
        }
        return text.isEmpty() ? json.toString() : text.toString();
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new DemoDataException("cannot write " + body.getClass().getSimpleName() + " as JSON: " + e);
        }
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoDataException("interrupted while waiting for the gateway");
        }
    }
}

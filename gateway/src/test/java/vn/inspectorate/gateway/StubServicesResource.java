package vn.inspectorate.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.TestServers;

/**
 * Stand-ins for the four services and a partner's webhook receiver, started once for the test JVM. The services echo
 * what reached them; {@code .../hang} never answers in time, {@code .../fail} answers 500 and
 * {@code .../cors-everywhere} answers {@code Access-Control-Allow-Origin: *}. The declarations
 * service is configured on a port nobody listens on, and one complaints instance is down too. The receiver keeps what
 * it got (read back with {@code GET /received?path=...}); a path {@code /hooks/flaky-*} refuses each event twice
 * before accepting it, {@code /hooks/down-*} always refuses.
 *
 * <p>For retries on another instance, services {@code retry-503}, {@code retry-slow} and {@code retry-drop} have a
 * failing first instance (answers 503; answers after 10 s; closes the connection without an answer) and a working
 * second one; {@code only-503}, {@code only-slow} and {@code only-drop} have just the failing one. Their routes are
 * {@code /api/v1/<service>} for provincial systems; {@code POST /api/v1/retry-*}{@code /natural} is a natural-keyed
 * write. A failing instance answers its liveness probe, except the dropping one. Service {@code timeout}
 * ({@code /api/v1/timeout}) is the answering-late instance alone again.
 */
public class StubServicesResource implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ServerSocket> sockets = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        TestServers.kafka().createTopics(3, Topics.PUBLIC);
        String complaintsA = echo("complaints-a");
        String complaintsB = echo("complaints-b");
        String inspection = echo("inspection");
        String reporting = echo("reporting");
        String receiver = receiver();
        Map<String, String> config = new HashMap<>();
        config.put("inspectorate.gateway.services.complaints.urls", complaintsA + "," + freeUrl() + "," + complaintsB);
        config.put("inspectorate.gateway.services.inspection.urls", inspection);
        config.put("inspectorate.gateway.services.declarations.urls", freeUrl());
        config.put("inspectorate.gateway.services.reporting.urls", reporting);
        // a service of one down instance that a single test calls, so that it sees the first refusal (502) itself
        config.put("inspectorate.gateway.services.unreachable.urls", freeUrl());
        config.put("inspectorate.gateway.routes.unreachable.prefix", "/api/v1/unreachable");
        config.put("inspectorate.gateway.routes.unreachable.service", "unreachable");
        config.put("inspectorate.gateway.routes.unreachable.roles", "provincial-system");
        // an anonymous route to a running stub (the public declarations' service is down here)
        config.put("inspectorate.gateway.routes.open-stub.prefix", "/api/v1/open-stub");
        config.put("inspectorate.gateway.routes.open-stub.service", "reporting");
        config.put("inspectorate.gateway.routes.open-stub.anonymous", "true");
        config.put("inspectorate.gateway.services.dashboard.urls", webApplication());
        retryServices(config);
        config.put("inspectorate.gateway.webhooks.allowed-targets", receiver.substring("http://".length()));
        config.put("gateway-test.receiver-url", receiver);
        return config;
    }

    @Override
    public void stop() {
        servers.forEach(s -> s.stop(0));
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }
    }

    private void retryServices(Map<String, String> config) {
        for (String failure : List.of("503", "slow", "drop")) {
            String failing = switch (failure) {
                case "503" -> failing(exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                });
                case "slow" -> failing(exchange -> {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    respond(exchange, 200, "{\"instance\":\"slow\"}".getBytes(StandardCharsets.UTF_8));
                });
                default -> dropping();
            };
            String retry = "retry-" + failure;
            String only = "only-" + failure;
            config.put("inspectorate.gateway.services." + retry + ".urls", failing + "," + echo(retry + "-b", false));
            config.put("inspectorate.gateway.services." + only + ".urls", failing);
            for (String service : List.of(retry, only)) {
                config.put("inspectorate.gateway.routes." + service + ".prefix", "/api/v1/" + service);
                config.put("inspectorate.gateway.routes." + service + ".service", service);
                config.put("inspectorate.gateway.routes." + service + ".roles", "provincial-system");
                config.put("inspectorate.gateway.routes." + service + ".natural-key-writes",
                        "POST /api/v1/" + service + "/natural");
            }
            config.put("gateway-test." + retry + "-failing-url", failing);
        }
        // the edge's own timeout test, apart from the retry tests (an ejection outlasts a test class)
        config.put("inspectorate.gateway.services.timeout.urls", config.get("inspectorate.gateway.services.only-slow.urls"));
        config.put("inspectorate.gateway.routes.timeout.prefix", "/api/v1/timeout");
        config.put("inspectorate.gateway.routes.timeout.service", "timeout");
        config.put("inspectorate.gateway.routes.timeout.roles", "provincial-system");
    }

    /** An instance that is alive (its liveness probe answers) but fails every API request with {@code failure}. */
    private String failing(com.sun.net.httpserver.HttpHandler failure) {
        HttpServer server = server();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            exchange.getRequestBody().readAllBytes();
            if (path.equals("/q/health/live")) {
                respond(exchange, 200, "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/q/openapi")) {
                respond(exchange, 404, new byte[0]);
            } else {
                failure.handle(exchange);
            }
        });
        return url(server);
    }

    /** An instance that accepts connections and closes each after reading the request head, answering nothing. */
    private String dropping() {
        try {
            ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
            sockets.add(socket);
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (java.net.Socket connection = socket.accept()) {
                        connection.setSoTimeout(2_000);
                        var in = connection.getInputStream();
                        int matched = 0;
                        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                        int b;
                        while (matched < end.length && (b = in.read()) != -1) {
                            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
                        }
                    } catch (IOException e) {
                        // closed: the next connection, or the end
                    }
                }
            });
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String echo(String instance) {
        return echo(instance, true);
    }

    private String echo(String instance, boolean publishesOpenApi) {
        HttpServer server = server();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/q/openapi") && !publishesOpenApi) {
                respond(exchange, 404, new byte[0]);
                return;
            }
            if (path.equals("/q/openapi")) {
                respond(exchange, 200, openApi(instance));
                return;
            }
            if (path.endsWith("/hang")) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("instance", instance);
            echo.put("method", exchange.getRequestMethod());
            echo.put("uri", exchange.getRequestURI().toString());
            echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            echo.put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"));
            echo.put("forwardedFor", exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
            echo.put("traceparent", exchange.getRequestHeaders().getFirst("traceparent"));
            echo.put("forwardedProto", exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"));
            echo.put("forwardedHost", exchange.getRequestHeaders().getFirst("X-Forwarded-Host"));
            echo.put("forwardedPort", exchange.getRequestHeaders().getFirst("X-Forwarded-Port"));
            echo.put("forwarded", exchange.getRequestHeaders().getFirst("Forwarded"));
            echo.put("bodyLength", body.length);
            echo.put("body", new String(body, StandardCharsets.UTF_8));
            if (path.endsWith("/cors-everywhere")) {
                // a service that opens itself to every origin: the gateway decides alone
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            }
            respond(exchange, path.endsWith("/fail") ? 500 : 200, JSON.writeValueAsBytes(echo));
        });
        return url(server);
    }

    /**
     * A web application's stand-in: answers a page with its own content security policy and a session cookie, and
     * echoes the method, cookie and authorization that reached it in a response header.
     */
    private String webApplication() {
        HttpServer server = server();
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            exchange.getResponseHeaders().add("Set-Cookie", "q_session=s1; Path=/dashboard; HttpOnly; SameSite=Lax");
            exchange.getResponseHeaders().set("X-Echo", exchange.getRequestMethod() + " "
                    + exchange.getRequestURI() + " cookie=" + exchange.getRequestHeaders().getFirst("Cookie")
                    + " authorization=" + exchange.getRequestHeaders().getFirst("Authorization")
                    + " host=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Host"));
            respond(exchange, 200, "<!DOCTYPE html><title>dashboard</title>".getBytes(StandardCharsets.UTF_8));
        });
        return url(server);
    }

    /** A small OpenAPI document with one path of the service and one schema. */
    private static byte[] openApi(String instance) throws IOException {
        String path = instance.startsWith("complaints") ? "/api/v1/cases"
                : instance.equals("inspection") ? "/api/v1/inspections" : "/api/v1/reports/summary";
        String schema = instance.startsWith("complaints") ? "CaseView" : instance.equals("inspection") ? "InspectionView" : "Summary";
        Map<String, Object> doc = Map.of("openapi", "3.1.0", "info", Map.of("title", instance, "version", "1"),
                "paths", Map.of(path, Map.of("get", Map.of("operationId", "list-" + instance,
                        "responses", Map.of("200", Map.of("description", "OK"))))),
                "components", Map.of("schemas", Map.of(schema, Map.of("type", "object"))));
        return JSON.writeValueAsBytes(doc);
    }

    private String receiver() {
        Map<String, List<Map<String, Object>>> received = new ConcurrentHashMap<>();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        HttpServer server = server();
        server.createContext("/hooks/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("timestamp", exchange.getRequestHeaders().getFirst("X-Inspectorate-Timestamp"));
            call.put("signature", exchange.getRequestHeaders().getFirst("X-Inspectorate-Signature"));
            call.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
            call.put("body", body);
            int status = 200;
            if (path.startsWith("/hooks/down-")) {
                status = 500;
            } else if (path.startsWith("/hooks/flaky-")) {
                String eventId = String.valueOf(JSON.readTree(body).path("id").asText());
                int refused = refusals.merge(path + "|" + eventId, 1, Integer::sum);
                status = refused <= 2 ? 500 : 200;
            }
            call.put("answered", status);
            received.computeIfAbsent(path, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(call);
            respond(exchange, status, new byte[0]);
        });
        server.createContext("/received", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String path = query == null ? "" : query.replaceFirst("^path=", "");
            List<Map<String, Object>> calls = received.getOrDefault(path, List.of());
            byte[] json;
            synchronized (calls) {
                json = JSON.writeValueAsBytes(calls);
            }
            respond(exchange, 200, json);
        });
        return url(server);
    }

    private HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            servers.add(server);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An address where nothing listens: a port the system just handed out and took back. */
    private static String freeUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}

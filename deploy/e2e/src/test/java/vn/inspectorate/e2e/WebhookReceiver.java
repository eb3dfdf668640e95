package vn.inspectorate.e2e;

import static io.restassured.RestAssured.given;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook endpoint on loopback, on one of {@link RunningPlatform#RECEIVER_PORTS} (the gateway allows only
 * those): it answers 204 to every POST and keeps what arrived, with its headers, for the test to check.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived; header names in lower case. */
    public record Delivery(String path, Map<String, String> headers, String body) {

        /** The CloudEvent delivered. */
        public JsonPath event() {
            return JsonPath.from(body);
        }

        /** Whether the signature is HMAC-SHA256(secret, timestamp + "." + body), as the gateway README promises. */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal(
                        (headers.get("x-inspectorate-timestamp") + "." + body).getBytes(StandardCharsets.UTF_8))))
                        .getBytes(StandardCharsets.UTF_8);
                String given = headers.getOrDefault("x-inspectorate-signature", "");
                return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A subscription made to this receiver, and the partner client that owns it. */
    private record Subscribed(String partnerClient, String id) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<Subscribed> subscriptions = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().get(0)));
                if ("POST".equals(exchange.getRequestMethod())) {
                    receiver.deliveries.add(new Delivery(exchange.getRequestURI().getPath(), headers,
                            new String(body, StandardCharsets.UTF_8)));
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The callback URL for a path of this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What arrived at one path, in order of arrival. */
    public List<Delivery> deliveries(String path) {
        return deliveries.stream().filter(d -> d.path().equals(path)).toList();
    }

    /**
     * Subscribes a partner client through the gateway, expecting 201, and answers the created subscription (its
     * {@code secret} included). The subscription is deleted when this receiver closes: left behind, it would have the
     * gateway try every later test's events against a closed port until it pauses.
     */
    public JsonPath subscribe(String partnerClient, Map<String, ?> subscription) {
        JsonPath created = given().auth().oauth2(RunningPlatform.clientToken(partnerClient))
                .contentType(ContentType.JSON).body(subscription)
                .post(RunningPlatform.get().gatewayUrl() + "/api/v1/subscriptions")
                .then().statusCode(201).extract().jsonPath();
        subscriptions.add(new Subscribed(partnerClient, created.getString("id")));
        return created;
    }

    /** Everything that arrived. */
    public List<Delivery> all() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        try {
            for (Subscribed s : subscriptions) {
                given().auth().oauth2(RunningPlatform.clientToken(s.partnerClient()))
                        .delete(RunningPlatform.get().gatewayUrl() + "/api/v1/subscriptions/" + s.id())
                        .then().statusCode(204);
            }
        } finally {
            server.stop(0);
        }
    }
}

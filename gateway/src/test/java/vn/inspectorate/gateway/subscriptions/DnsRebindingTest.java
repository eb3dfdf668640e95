package vn.inspectorate.gateway.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A callback host that resolves to a public address when it is checked and to loopback a moment later (DNS
 * rebinding): the delivery connects to the address that was checked, looks the name up once per attempt, and so never
 * reaches the loopback receiver. A host that may resolve to loopback (an allowed target) is reached at the address the
 * check found, with its name in the {@code Host} header.
 */
class DnsRebindingTest {

    private Vertx vertx;
    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        vertx.close();
    }

    /** Answers {@code first} to the first lookup of {@code host} and {@code then} to every later one. */
    private static final class Rebinding implements HostResolver {
        final AtomicInteger lookups = new AtomicInteger();
        final String host;
        final byte[] first;
        final byte[] then;

        Rebinding(String host, byte[] first, byte[] then) {
            this.host = host;
            this.first = first;
            this.then = then;
        }

        @Override
        public InetAddress[] resolve(String name) throws UnknownHostException {
            if (!name.equals(host)) {
                throw new UnknownHostException(name);
            }
            byte[] address = lookups.incrementAndGet() == 1 ? first : then;
            return new InetAddress[] {InetAddress.getByAddress(name, address)};
        }
    }

    @Test
    void aHostThatRebindsToLoopbackAfterTheCheckIsNeverReachedThere() {
        Rebinding dns = new Rebinding("rebind.partner.test", new byte[] {(byte) 203, 0, 113, 7},
                new byte[] {127, 0, 0, 1});
        WebhookSender sender = new WebhookSender(new CallbackUrlGuard(Set.of(), Set.of(), dns), vertx,
                Duration.ofMillis(500));
        String url = "http://rebind.partner.test:" + receiver.getAddress().getPort() + "/hooks/rebind";

        // checked against the public address and sent there (where nothing answers), without a second lookup
        WebhookSender.Outcome first = sender.post(url, Map.of("Content-Type", "application/json"), "{}");
        assertThat(first.status()).isNull();
        assertThat(first.error()).doesNotStartWith("callback URL");
        assertThat(dns.lookups.get()).isEqualTo(1);

        // the next attempts look it up again, find loopback, and are refused before any connection
        for (int attempt = 0; attempt < 3; attempt++) {
            WebhookSender.Outcome next = sender.post(url, Map.of("Content-Type", "application/json"), "{}");
            assertThat(next.status()).isNull();
            assertThat(next.error()).isEqualTo("callback URL gateway.callback.private-address");
        }
        assertThat(dns.lookups.get()).isEqualTo(4);
        assertThat(received).isEmpty();
    }

    @Test
    void theCheckedAddressIsReachedUnderTheCallbacksHostName() {
        int port = receiver.getAddress().getPort();
        // a name the system cannot resolve: only the checked address can have been used to connect
        Rebinding dns = new Rebinding("sandbox.partner.test", new byte[] {127, 0, 0, 1}, new byte[] {(byte) 203, 0, 113, 9});
        WebhookSender sender = new WebhookSender(
                new CallbackUrlGuard(Set.of(), Set.of("sandbox.partner.test:" + port), dns), vertx, Duration.ofSeconds(5));

        WebhookSender.Outcome outcome = sender.post("http://sandbox.partner.test:" + port + "/hooks/ok?x=1",
                Map.of("Content-Type", "application/json"), "{}");

        assertThat(outcome.error()).isNull();
        assertThat(outcome.status()).isEqualTo(204);
        assertThat(dns.lookups.get()).isEqualTo(1);
        assertThat(received).containsExactly("sandbox.partner.test:" + port + " /hooks/ok?x=1");
    }
}

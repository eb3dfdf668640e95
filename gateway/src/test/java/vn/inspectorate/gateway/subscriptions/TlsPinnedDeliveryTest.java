package vn.inspectorate.gateway.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over TLS, a delivery connected to the checked address still names the callback's host: as the TLS server name (SNI),
 * in the {@code Host} header, and in the certificate check, which refuses a certificate for another name.
 */
class TlsPinnedDeliveryTest {

    private static final String HOST = "tls.partner.test";
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private Vertx vertx;
    private HttpsServer server;
    private final List<String> serverNames = new CopyOnWriteArrayList<>();
    private final List<String> hosts = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    @Test
    void theCallbacksHostNameIsTheServerNameTheHostHeaderAndTheCertificatesName() throws Exception {
        int port = serve(keyPair("receiver", "dns:" + HOST));
        WebhookSender.Outcome outcome = sender(port).post("https://" + HOST + ":" + port + "/hooks/tls",
                Map.of("Content-Type", "application/json"), "{}");
        assertThat(outcome.error()).isNull();
        assertThat(outcome.status()).isEqualTo(204);
        assertThat(serverNames).containsExactly(HOST);
        assertThat(hosts).containsExactly(HOST + ":" + port);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        int port = serve(keyPair("receiver", "dns:other.partner.test"));
        WebhookSender.Outcome outcome = sender(port).post("https://" + HOST + ":" + port + "/hooks/tls",
                Map.of("Content-Type", "application/json"), "{}");
        assertThat(outcome.status()).isNull();
        assertThat(hosts).isEmpty();
    }

    /** A sender that resolves {@link #HOST} to loopback (an allowed target) and trusts the test certificate. */
    private WebhookSender sender(int port) {
        vertx = Vertx.vertx();
        HostResolver loopback = name -> {
            if (!name.equals(HOST)) {
                throw new UnknownHostException(name);
            }
            return new InetAddress[] {InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1})};
        };
        Buffer certificate;
        try {
            certificate = Buffer.buffer(Files.readAllBytes(dir.resolve("receiver.pem")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new WebhookSender(new CallbackUrlGuard(Set.of(), Set.of(HOST + ":" + port), loopback), vertx,
                Duration.ofSeconds(5), new PemTrustOptions().addCertValue(certificate));
    }

    private int serve(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNames.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    /** A self-signed key pair for {@code san} in a PKCS12 store, its certificate beside it as PEM. */
    private Path keyPair(String name, String san) throws Exception {
        Path store = dir.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + san.substring(4), "-ext", "SAN=" + san, "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
        run(keytool, "-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(), "-storepass",
                new String(PASSWORD), "-file", dir.resolve(name + ".pem").toString());
        return store;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
    }
}

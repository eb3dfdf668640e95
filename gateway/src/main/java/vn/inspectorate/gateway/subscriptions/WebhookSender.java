package vn.inspectorate.gateway.subscriptions;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one delivery to a partner's callback: checks the URL ({@link CallbackUrlGuard}, one lookup of its host) and
 * connects to exactly the address that was checked, never looking the name up again, so DNS rebinding cannot turn an
 * allowed callback into a call to an internal address. The request still speaks to the callback's host name: Vert.x
 * sends the request's host in the {@code Host} header and as the TLS server name, and verifies the certificate against
 * it, while {@link RequestOptions#setServer} names the socket address to connect to. (The JDK's HTTP client has no
 * such separation: it always resolves the URL's host itself.) Redirects are not followed: a partner could point one at
 * an internal address.
 */
@ApplicationScoped
public class WebhookSender {

    /** An attempt's outcome: the callback's status, or why there was none. */
    public record Outcome(Integer status, String error) {
    }

    private final CallbackUrlGuard guard;
    private final HttpClient client;
    private final Duration timeout;

    @Inject
    WebhookSender(CallbackUrlGuard guard, Vertx vertx, WebhookConfig config) {
        this(guard, vertx, config.requestTimeout());
    }

    WebhookSender(CallbackUrlGuard guard, Vertx vertx, Duration timeout) {
        this(guard, vertx, timeout, null);
    }

    /** {@code trust}: the certificates trusted instead of the JDK's (a test's own), or null for the JDK's. */
    WebhookSender(CallbackUrlGuard guard, Vertx vertx, Duration timeout, TrustOptions trust) {
        this.guard = guard;
        this.timeout = timeout;
        HttpClientOptions options = new HttpClientOptions().setVerifyHost(true).setTrustAll(false)
                .setKeepAlive(false).setConnectTimeout((int) timeout.toMillis());
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        this.client = vertx.createHttpClient(options);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Sends {@code body} to {@code callbackUrl} with {@code headers}; blocks until the answer's head or a failure. */
    public Outcome post(String callbackUrl, Map<String, String> headers, String body) {
        CallbackUrlGuard.Checked checked = guard.check(callbackUrl);
        if (checked.refusal().isPresent()) {
            return new Outcome(null, "callback URL " + checked.refusal().get());
        }
        CallbackTarget target = checked.target().orElseThrow();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host()).setPort(target.port()).setSsl(target.tls()).setURI(target.pathAndQuery())
                .setFollowRedirects(false).setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        try {
            int status = client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() * 2 + 1_000, TimeUnit.MILLISECONDS);
            return new Outcome(status, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } catch (ExecutionException e) {
            return new Outcome(null, describe(e.getCause()));
        } catch (TimeoutException e) {
            return new Outcome(null, "no answer within " + timeout);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}

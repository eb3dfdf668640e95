package vn.inspectorate.gateway.subscriptions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Partner webhook settings. */
@ConfigMapping(prefix = "inspectorate.gateway.webhooks")
public interface WebhookConfig {

    /** Base64 AES key (16, 24 or 32 bytes) that encrypts the subscriptions' signing secrets at rest. */
    String secretKey();

    /** Host names of the platform itself, refused as callback hosts whatever they resolve to. */
    Optional<List<String>> deniedHosts();

    /** {@code host:port} pairs exempt from the address checks (test receivers, a sandbox on a private network). */
    Optional<List<String>> allowedTargets();

    /** Scheduler period of the dispatcher, e.g. {@code 2s}. */
    String pollInterval();

    Duration requestTimeout();

    /** Pause before the second attempt; each further retry waits twice as long, up to {@link #maxRetryInterval()}. */
    Duration firstRetry();

    Duration maxRetryInterval();

    /** How long a delivery is retried, counted from its first attempt; then it fails and the subscription pauses. */
    Duration retryWindow();

    /** Consecutive failed attempts after which a subscription is paused. */
    int pauseAfterFailures();

    /** Deliveries sent side by side. */
    @WithDefault("8")
    int parallelism();

    /** How long delivered and failed deliveries stay in the delivery log. */
    @WithDefault("P30D")
    Duration logRetention();
}

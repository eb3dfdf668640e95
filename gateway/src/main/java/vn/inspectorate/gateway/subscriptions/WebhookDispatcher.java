package vn.inspectorate.gateway.subscriptions;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import vn.inspectorate.contracts.CloudEvent;

/**
 * Sends queued deliveries: one HTTP POST of the structured CloudEvent per delivery, signed, with the outcome and the
 * next attempt written in the same transaction that holds the delivery's row lock (so two gateway instances never send
 * the same delivery at once, and a crash mid-send leaves the delivery due). Failures back off exponentially over the
 * retry window; a subscription that keeps failing is paused.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_PER_RUN = 200;

    private final SubscriptionRepository repository;
    private final SecretCipher cipher;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final MeterRegistry registry;

    WebhookDispatcher(SubscriptionRepository repository, SecretCipher cipher, WebhookSender sender,
            WebhookConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.cipher = cipher;
        this.sender = sender;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Several workers (virtual threads) take due deliveries side by side, so one slow partner does not hold back the
     * others; row locks keep them apart and the order rule holds across them.
     */
    @Scheduled(every = "${inspectorate.gateway.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < config.parallelism(); w++) {
                workers.submit(this::work);
            }
        }
    }

    private void work() {
        for (int i = 0; i < MAX_PER_RUN; i++) {
            try {
                if (!QuarkusTransaction.requiringNew().timeout((int) config.requestTimeout().toSeconds() + 30)
                        .call(this::deliverOne)) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warnf("webhook dispatch failed, retried on the next run: %s", e.toString());
                return;
            }
        }
    }

    /** Settled deliveries are kept for the partner's delivery log for a while, then removed. */
    @Scheduled(every = "1h", delayed = "5m")
    void purgeSettled() {
        int removed = QuarkusTransaction.requiringNew().call(() -> repository.purgeSettledBefore(
                OffsetDateTime.now(ZoneOffset.UTC).minus(config.logRetention())));
        if (removed > 0) {
            LOG.infof("removed %d settled webhook deliveries older than %s", removed, config.logRetention());
        }
    }

    /** Sends the next due delivery; false when none is due. */
    boolean deliverOne() {
        Optional<SubscriptionRepository.DueDelivery> due = repository.claimDue();
        if (due.isEmpty()) {
            return false;
        }
        SubscriptionRepository.DueDelivery d = due.get();
        long started = System.nanoTime();
        long timestamp = System.currentTimeMillis() / 1000;
        WebhookSender.Outcome outcome;
        try {
            outcome = sender.post(d.callbackUrl(), Map.of(
                    "Content-Type", CloudEvent.CONTENT_TYPE,
                    WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
                    WebhookSignature.SIGNATURE_HEADER,
                    WebhookSignature.sign(cipher.decrypt(d.secretCiphertext()), timestamp, d.body()),
                    WebhookSignature.DELIVERY_HEADER, Long.toString(d.id()),
                    WebhookSignature.SUBSCRIPTION_HEADER, d.subscriptionId().toString()), d.body());
        } catch (RuntimeException e) {
            outcome = new WebhookSender.Outcome(null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        Integer status = outcome.status();
        String error = outcome.error();
        long millis = (System.nanoTime() - started) / 1_000_000;
        repository.recordAttempt(d.id(), status, error, millis);
        if (status != null && status >= 200 && status < 300) {
            repository.delivered(d, status);
            registry.counter("inspectorate.gateway.webhook.deliveries", "outcome", "delivered").increment();
            return true;
        }
        if (error == null) {
            error = "callback answered HTTP " + status;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime firstAttempt = d.firstAttemptAt() == null ? now : d.firstAttemptAt();
        boolean windowOver = now.isAfter(firstAttempt.plus(config.retryWindow()));
        Optional<OffsetDateTime> next = windowOver ? Optional.empty() : Optional.of(now.plus(backoff(d.attempts() + 1)));
        repository.failed(d, status, error, next);
        registry.counter("inspectorate.gateway.webhook.deliveries", "outcome", windowOver ? "failed" : "retry").increment();
        LOG.infof("delivery %d of event %s to subscription %s failed (attempt %d): %s%s", d.id(), d.eventId(),
                d.subscriptionId(), d.attempts() + 1, error, next.map(t -> "; next attempt at " + t).orElse("; given up"));
        if (windowOver || d.consecutiveFailures() + 1 >= config.pauseAfterFailures()) {
            String reason = windowOver
                    ? "delivery of event " + d.eventId() + " failed for " + config.retryWindow().toHours() + " h"
                    : (d.consecutiveFailures() + 1) + " consecutive failed deliveries; last: " + error;
            if (repository.pauseFailing(d.subscriptionId(), reason)) {
                registry.counter("inspectorate.gateway.webhook.subscriptions.paused").increment();
                LOG.warnf("subscription %s paused: %s", d.subscriptionId(), reason);
            }
        }
        return true;
    }

    /** The wait after the {@code failedAttempts}-th failure: first retry, doubled each time, capped. */
    public Duration backoff(int failedAttempts) {
        Duration wait = config.firstRetry();
        for (int i = 1; i < failedAttempts && wait.compareTo(config.maxRetryInterval()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxRetryInterval()) > 0 ? config.maxRetryInterval() : wait;
    }
}

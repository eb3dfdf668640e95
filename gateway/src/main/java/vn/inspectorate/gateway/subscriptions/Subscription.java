package vn.inspectorate.gateway.subscriptions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A stored subscription (the secret stays encrypted and out of this view). */
public record Subscription(UUID id, String owner, String callbackUrl, List<String> eventTypes, List<String> provinces,
        String status, String pausedReason, int consecutiveFailures, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String PAUSED = "PAUSED";
}

package vn.inspectorate.gateway.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of the subscriptions API. */
public final class SubscriptionApi {

    /** A new subscription: where to call back, which public event types, optionally which provinces. */
    public record CreateSubscription(
            @NotBlank @Size(max = 2000) String callbackUrl,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> eventTypes,
            @Size(max = 100) List<@NotNull @Pattern(regexp = "VN-[A-Z0-9]{2,3}", message = "must be a province code such as VN-HN") String> provinces) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionView(UUID id, String callbackUrl, List<String> eventTypes, List<String> provinces,
            @Schema(enumeration = {Subscription.ACTIVE, Subscription.PAUSED}) String status,
            @Schema(description = "Why it is paused; absent while active.") String pausedReason,
            int consecutiveFailures, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @Schema(description = "The signing secret, in the creating answer only.") String secret) {

        static SubscriptionView of(Subscription s, String secret) {
            return new SubscriptionView(s.id(), s.callbackUrl(), s.eventTypes(), s.provinces(), s.status(),
                    s.pausedReason(), s.consecutiveFailures(), s.createdAt(), s.updatedAt(), secret);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SubscriptionDeliveryAttemptView")
    public record AttemptView(OffsetDateTime at, Integer statusCode, String error, long durationMs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SubscriptionDeliveryView")
    public record DeliveryView(long id, String eventId, String eventType, String aggregateId,
            @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
            int attempts, Integer lastStatusCode, String lastError, OffsetDateTime nextAttemptAt,
            OffsetDateTime createdAt, OffsetDateTime deliveredAt, List<AttemptView> attemptLog) {
    }

    /** A public event type a partner may subscribe to. */
    @Schema(name = "SubscriptionEventTypeView")
    public record EventTypeView(String type, String payload) {
    }

    private SubscriptionApi() {
    }
}

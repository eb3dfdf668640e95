package vn.inspectorate.gateway.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.CreateSubscription;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.DeliveryView;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.SubscriptionView;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/** A partner's subscriptions: creation with its checks, listing, pause and resume, deletion, the delivery log. */
@ApplicationScoped
@Transactional
public class SubscriptionService {

    private final SubscriptionRepository repository;
    private final CallbackUrlGuard guard;
    private final SecretCipher cipher;

    SubscriptionService(SubscriptionRepository repository, CallbackUrlGuard guard, SecretCipher cipher) {
        this.repository = repository;
        this.guard = guard;
        this.cipher = cipher;
    }

    /** Creates a subscription; its signing secret is in this answer only. */
    public SubscriptionView create(String owner, CreateSubscription request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        guard.refusal(request.callbackUrl().trim())
                .ifPresent(why -> errors.add(new Problem.FieldError("callbackUrl", why)));
        for (int i = 0; i < request.eventTypes().size(); i++) {
            String type = request.eventTypes().get(i);
            if (EventCatalog.find(type).map(e -> !e.publicEvent()).orElse(true)) {
                errors.add(new Problem.FieldError("eventTypes[" + i + "]",
                        "not a public event type; see GET /api/v1/subscriptions/event-types"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("invalid-subscription", "The subscription cannot be accepted.", errors);
        }
        String callback = request.callbackUrl().trim();
        repository.findByCallback(owner, callback).ifPresent(existing -> {
            throw ProblemException.conflict("subscription-exists", "You already have a subscription for this "
                    + "callback URL; change or delete it instead.", Map.of("subscriptionId", existing.id().toString()));
        });
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Subscription s = new Subscription(UUID.randomUUID(), owner, callback,
                List.copyOf(new LinkedHashSet<>(request.eventTypes())),
                request.provinces() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.provinces())),
                Subscription.ACTIVE, null, 0, now, now);
        String secret = cipher.newSecret();
        repository.insert(s, cipher.encrypt(secret));
        return SubscriptionView.of(s, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionView> list(String owner) {
        return repository.list(owner).stream().map(s -> SubscriptionView.of(s, null)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubscriptionView get(String owner, UUID id) {
        return SubscriptionView.of(find(owner, id), null);
    }

    public SubscriptionView pause(String owner, UUID id) {
        find(owner, id);
        repository.setStatus(id, owner, Subscription.PAUSED, "paused by the partner");
        return get(owner, id);
    }

    public SubscriptionView resume(String owner, UUID id) {
        find(owner, id);
        repository.setStatus(id, owner, Subscription.ACTIVE, null);
        return get(owner, id);
    }

    public void delete(String owner, UUID id) {
        if (!repository.delete(id, owner)) {
            throw ProblemException.notFound("Subscription " + id);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> deliveries(String owner, UUID id, int limit) {
        find(owner, id);
        return repository.deliveries(id, limit);
    }

    private Subscription find(String owner, UUID id) {
        return repository.find(id, owner).orElseThrow(() -> ProblemException.notFound("Subscription " + id));
    }
}

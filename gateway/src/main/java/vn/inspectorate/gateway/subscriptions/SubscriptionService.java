package vn.inspectorate.gateway.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.CreateSubscription;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.DeliveryView;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.SubscriptionView;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * A partner's subscriptions: creation with its checks, listing, pause and resume, deletion, the delivery log. Writes
 * run in the request's transaction; reads need none.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubscriptionService {

    private final SubscriptionRepository repository;
    private final CallbackUrlGuard guard;
    private final SecretCipher cipher;

    SubscriptionService(SubscriptionRepository repository, CallbackUrlGuard guard, SecretCipher cipher) {
        this.repository = repository;
        this.guard = guard;
        this.cipher = cipher;
    }

    /** A subscription and whether this request created it (only then does the view carry the signing secret). */
    public record Creation(SubscriptionView subscription, boolean created) {
    }

    /**
     * Creates a subscription; its signing secret is in this answer only. The same callback URL with the same event
     * types and provinces answers the existing subscription (without its secret); with others it is a 409.
     */
    public Creation create(String owner, CreateSubscription request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        guard.refusal(request.callbackUrl().trim())
                .ifPresent(why -> errors.add(Problem.FieldError.of("callbackUrl", why)));
        for (int i = 0; i < request.eventTypes().size(); i++) {
            String type = request.eventTypes().get(i);
            if (EventCatalog.find(type).map(e -> !e.publicEvent()).orElse(true)) {
                errors.add(Problem.FieldError.of("eventTypes[" + i + "]", "gateway.subscription.not-public-event"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.keyed(422, "invalid-subscription", "gateway.subscription.invalid")
                    .withErrors(errors));
        }
        String callback = request.callbackUrl().trim();
        List<String> eventTypes = List.copyOf(new LinkedHashSet<>(request.eventTypes()));
        List<String> provinces = request.provinces() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.provinces()));
        Optional<Subscription> existing = repository.findByCallback(owner, callback);
        if (existing.isPresent()) {
            // (partner, callback URL) is the natural key; the lists mean the same in any order
            Subscription s = existing.get();
            NaturalKeyMatch.compare()
                    .field("eventTypes", sorted(eventTypes), sorted(s.eventTypes()))
                    .field("provinces", sorted(provinces), sorted(s.provinces()))
                    .requireSameKeyed("gateway.subscription.natural-key", s.id());
            return new Creation(SubscriptionView.of(s, null), false);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Subscription s = new Subscription(TimeOrderedIds.next(), owner, callback, eventTypes, provinces,
                Subscription.ACTIVE, null, 0, now, now);
        String secret = cipher.newSecret();
        repository.insert(s, cipher.encrypt(secret));
        return new Creation(SubscriptionView.of(s, secret), true);
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SubscriptionView> list(String owner, PageRequest page) {
        Page<Subscription> found = repository.list(owner, page);
        return new Page<>(found.items().stream().map(s -> SubscriptionView.of(s, null)).toList(), found.size(),
                found.next(), found.total());
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
            throw notFound(id);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> deliveries(String owner, UUID id, PageRequest page) {
        find(owner, id);
        return repository.deliveries(id, page);
    }

    private Subscription find(String owner, UUID id) {
        return repository.find(id, owner).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(Object id) {
        return ProblemException.keyed(404, "not-found", "gateway.subscription.not-found", String.valueOf(id));
    }
}

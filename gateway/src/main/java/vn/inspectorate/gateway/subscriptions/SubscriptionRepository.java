package vn.inspectorate.gateway.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.AttemptView;
import vn.inspectorate.gateway.subscriptions.SubscriptionApi.DeliveryView;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of the webhook tables, through {@link Sql}; every method runs in the caller's transaction. */
@ApplicationScoped
public class SubscriptionRepository {

    /** A delivery due now, with what is needed to send it. */
    public record DueDelivery(long id, UUID subscriptionId, String eventId, String body, int attempts,
            OffsetDateTime firstAttemptAt, String callbackUrl, String secretCiphertext, int consecutiveFailures) {
    }

    private static final String SUBSCRIPTION_COLUMNS = "id, owner, callback_url, event_types, provinces, status, "
            + "paused_reason, consecutive_failures, created_at, updated_at";

    private final Sql sql;

    SubscriptionRepository(Sql sql) {
        this.sql = sql;
    }

    public void insert(Subscription s, String secretCiphertext) {
        update("""
                insert into webhook_subscription (id, owner, callback_url, event_types, provinces, secret_ciphertext,
                    status, consecutive_failures, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""",
                s.id(), s.owner(), s.callbackUrl(), s.eventTypes(), s.provinces(), secretCiphertext, s.status(),
                s.createdAt(), s.updatedAt());
    }

    public Optional<Subscription> findByCallback(String owner, String callbackUrl) {
        return query("select " + SUBSCRIPTION_COLUMNS + " from webhook_subscription where owner = ? and callback_url = ?",
                SubscriptionRepository::subscription, owner, callbackUrl).stream().findFirst();
    }

    public Optional<Subscription> find(UUID id, String owner) {
        return query("select " + SUBSCRIPTION_COLUMNS + " from webhook_subscription where id = ? and owner = ?",
                SubscriptionRepository::subscription, id, owner).stream().findFirst();
    }

    /** One page of the owner's subscriptions, oldest first. */
    public Page<Subscription> list(String owner, PageRequest page) {
        List<Subscription> rows = page.first()
                ? query("select " + SUBSCRIPTION_COLUMNS + " from webhook_subscription where owner = ?"
                        + " order by created_at, id limit ?", SubscriptionRepository::subscription, owner, page.fetch())
                : query("select " + SUBSCRIPTION_COLUMNS + " from webhook_subscription where owner = ?"
                        + " and (created_at, id) > (?, ?) order by created_at, id limit ?",
                        SubscriptionRepository::subscription, owner, OffsetDateTime.parse(page.after(0)),
                        UUID.fromString(page.after(1)), page.fetch());
        return page.page(rows, s -> List.of(s.createdAt().toString(), s.id().toString()), null);
    }

    public boolean setStatus(UUID id, String owner, String status, String reason) {
        return update("""
                update webhook_subscription set status = ?, paused_reason = ?, consecutive_failures = case when ? = 'ACTIVE'
                    then 0 else consecutive_failures end, updated_at = now() where id = ? and owner = ?""",
                status, reason, status, id, owner) == 1;
    }

    /**
     * Deletes a subscription with its deliveries. The deliveries are locked first, in the order the dispatcher takes
     * its locks (a delivery, then its subscription): deleting the subscription row first would hold it while the
     * cascade waits for a delivery being sent, whose sender then waits for the subscription row, a deadlock.
     * Must run in the caller's transaction.
     */
    public boolean delete(UUID id, String owner) {
        query("""
                select d.id from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where s.id = ? and s.owner = ? order by d.id for update of d""", rs -> rs.getLong(1), id, owner);
        return update("delete from webhook_subscription where id = ? and owner = ?", id, owner) == 1;
    }

    /** An event to queue for the subscriptions that want it. */
    public record QueuedEvent(String eventId, String eventType, String aggregateId, String province, String body) {
    }

    /**
     * Queues each event for every subscription that wants its type and province, active or paused (a paused
     * subscription gets its backlog on resume), in one statement. The deliveries' ids follow the events' order, which
     * the dispatcher's per-aggregate order relies on. A redelivered event queues nothing twice. Returns the deliveries
     * queued.
     */
    public int queueAll(List<QueuedEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return update("""
                insert into webhook_delivery (subscription_id, event_id, event_type, aggregate_id, body, status,
                    next_attempt_at, created_at)
                select s.id, e.event_id, e.event_type, e.aggregate_id, e.body, 'PENDING', now(), now()
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         with ordinality as e(event_id, event_type, aggregate_id, province, body, position)
                join webhook_subscription s on e.event_type = any (s.event_types)
                     and (cardinality(s.provinces) = 0 or e.province = any (s.provinces))
                order by e.position, s.id
                on conflict (subscription_id, event_id) do nothing""",
                events.stream().map(QueuedEvent::eventId).toList(), events.stream().map(QueuedEvent::eventType).toList(),
                events.stream().map(QueuedEvent::aggregateId).toList(), events.stream().map(QueuedEvent::province).toList(),
                events.stream().map(QueuedEvent::body).toList());
    }

    /**
     * Locks the next due delivery of an active subscription whose earlier deliveries for the same aggregate are all
     * settled, so an aggregate's events reach a partner in order. Other instances skip the locked row.
     */
    public Optional<DueDelivery> claimDue() {
        return query("""
                select d.id, d.subscription_id, d.event_id, d.body, d.attempts, d.first_attempt_at, s.callback_url,
                       s.secret_ciphertext, s.consecutive_failures
                from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= now() and s.status = 'ACTIVE'
                  and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id
                                  and e.aggregate_id = d.aggregate_id and e.status = 'PENDING' and e.id < d.id)
                order by d.next_attempt_at, d.id
                limit 1 for update of d skip locked""", rs -> new DueDelivery(rs.getLong(1),
                rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5), time(rs, 6),
                rs.getString(7), rs.getString(8), rs.getInt(9))).stream().findFirst();
    }

    public void recordAttempt(long deliveryId, Integer statusCode, String error, long durationMs) {
        update("insert into webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms) values (?, now(), ?, ?, ?)",
                deliveryId, statusCode, error, durationMs);
    }

    public void delivered(DueDelivery d, int statusCode) {
        update("""
                update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_status_code = ?,
                    last_error = null, delivered_at = now(), first_attempt_at = coalesce(first_attempt_at, now())
                where id = ?""", statusCode, d.id());
        update("update webhook_subscription set consecutive_failures = 0, updated_at = now() where id = ? and consecutive_failures <> 0",
                d.subscriptionId());
    }

    /** Records a failed attempt: retried at {@code nextAttempt}, or failed for good when that is empty. */
    public void failed(DueDelivery d, Integer statusCode, String error, Optional<OffsetDateTime> nextAttempt) {
        update("""
                update webhook_delivery set status = ?, attempts = attempts + 1, last_status_code = ?, last_error = ?,
                    next_attempt_at = coalesce(cast(? as timestamptz), next_attempt_at), first_attempt_at = coalesce(first_attempt_at, now())
                where id = ?""", nextAttempt.isPresent() ? "PENDING" : "FAILED", statusCode, error,
                nextAttempt.orElse(null), d.id());
        update("update webhook_subscription set consecutive_failures = consecutive_failures + 1, updated_at = now() where id = ?",
                d.subscriptionId());
    }

    /** Pauses a subscription that keeps failing; true if it was active. */
    public boolean pauseFailing(UUID subscriptionId, String reason) {
        return update("update webhook_subscription set status = 'PAUSED', paused_reason = ?, updated_at = now() "
                + "where id = ? and status = 'ACTIVE'", reason, subscriptionId) == 1;
    }

    public int purgeSettledBefore(OffsetDateTime before) {
        return update("delete from webhook_delivery where status <> 'PENDING' and created_at < ?", before);
    }

    /** One page of a subscription's deliveries, newest first (index {@code webhook_delivery_log}). */
    public Page<DeliveryView> deliveries(UUID subscriptionId, PageRequest page) {
        List<DeliveryView> rows = deliveryRows(subscriptionId, page.first() ? Long.MAX_VALUE
                : Long.parseLong(page.after(0)), page.fetch());
        return page.page(rows, d -> List.of(Long.toString(d.id())), null);
    }

    private List<DeliveryView> deliveryRows(UUID subscriptionId, long beforeId, int limit) {
        List<DeliveryView> rows = query("""
                select id, event_id, event_type, aggregate_id, status, attempts, last_status_code, last_error,
                       next_attempt_at, created_at, delivered_at
                from webhook_delivery where subscription_id = ? and id < ? order by id desc limit ?""",
                rs -> new DeliveryView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), (Integer) rs.getObject(7), rs.getString(8),
                        "PENDING".equals(rs.getString(5)) ? time(rs, 9) : null, time(rs, 10), time(rs, 11), List.of()),
                subscriptionId, beforeId, limit);
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<AttemptView>> attempts = new LinkedHashMap<>();
        Long[] ids = rows.stream().map(DeliveryView::id).toArray(Long[]::new);
        query("select delivery_id, attempted_at, status_code, error, duration_ms from webhook_attempt "
                + "where delivery_id = any (?) order by id", rs -> {
                    attempts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new AttemptView(time(rs, 2),
                            (Integer) rs.getObject(3), rs.getString(4), rs.getLong(5)));
                    return null;
                }, (Object) ids);
        return rows.stream().map(d -> new DeliveryView(d.id(), d.eventId(), d.eventType(), d.aggregateId(), d.status(),
                d.attempts(), d.lastStatusCode(), d.lastError(), d.nextAttemptAt(), d.createdAt(), d.deliveredAt(),
                attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
                strings(rs.getArray(5)), rs.getString(6), rs.getString(7), rs.getInt(8), time(rs, 9), time(rs, 10));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }

    private <T> List<T> query(String statement, Sql.RowMapper<T> mapper, Object... params) {
        return sql.query(statement, params(params), mapper);
    }

    private int update(String statement, Object... params) {
        return sql.update(statement, params(params));
    }

    /** Lists are text arrays, ids bigint arrays, times timestamps. */
    private static List<Object> params(Object... params) {
        List<Object> bound = new ArrayList<>(params.length);
        for (Object p : params) {
            bound.add(switch (p) {
                case List<?> list -> new Sql.ArrayOf("text", list);
                case Long[] longs -> new Sql.ArrayOf("bigint", Arrays.asList(longs));
                case OffsetDateTime time -> Timestamp.from(time.toInstant());
                case Instant instant -> Timestamp.from(instant);
                case null -> null;
                default -> p;
            });
        }
        return bound;
    }
}

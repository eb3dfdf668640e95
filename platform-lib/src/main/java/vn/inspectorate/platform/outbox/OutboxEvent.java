package vn.inspectorate.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event waiting for (or done with) publication; the payload is the whole CloudEvent as JSON. {@link Outbox} writes
 * the rows in one statement and the relay reads them with SQL; the mapping also gives a service without entities of
 * its own (reporting, the gateway) its persistence unit, which the inbox and the idempotency keys use.
 */
@Entity
@Table(name = "platform_outbox")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The W3C trace context of what caused the event, also in the envelope; the relay adds it as a record header. */
    public String traceparent;
}

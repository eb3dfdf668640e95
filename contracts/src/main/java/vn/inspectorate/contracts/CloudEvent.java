package vn.inspectorate.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the whole envelope is the Kafka record value, with content type
 * {@value #CONTENT_TYPE}. The platform uses structured mode everywhere (topics, webhooks), so a partner reads one
 * shape whichever way it receives events.
 *
 * <p>
 * {@code traceparent} is the Distributed Tracing extension attribute: the W3C trace context of the request (or event)
 * that caused this event, so a partner can tie an event to the call that caused it. Readers accept any other
 * extension attribute and ignore it (CloudEvents 1.0 requires consumers to tolerate unknown extensions).
 *
 * <p>
 * {@code backfilled} is the platform's extension attribute for history: {@code true} on every event of a record loaded
 * as it happened in the past (a back-fill), absent otherwise. Reports count such events under their real dates; live
 * operations (overdue notices, partner webhooks) ignore them.
 *
 * @param <T> the payload: one of the records in this module, or a JSON tree when read generically
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema",
        "traceparent", "backfilled", "data"})
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        String traceparent,
        Boolean backfilled,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /**
     * Kafka record header repeating the event's {@code type} (the name the CloudEvents Kafka binding gives it), so a
     * consumer can pass over events it does not read without parsing them. The value stays in structured mode.
     */
    public static final String TYPE_HEADER = "ce_type";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("unsupported CloudEvents specversion: " + specversion);
        }
    }

    /** A new event with a new id ({@link TimeOrderedIds}), for the aggregate named by {@code subject}. */
    public static <T> CloudEvent<T> of(String source, String type, String subject, OffsetDateTime time, T data) {
        return new CloudEvent<>(SPEC_VERSION, TimeOrderedIds.next().toString(), source, type, subject, time,
                DATA_CONTENT_TYPE, null, null, null, data);
    }

    public <U> CloudEvent<U> withData(U newData) {
        return new CloudEvent<>(specversion, id, source, type, subject, time, datacontenttype, dataschema, traceparent,
                backfilled, newData);
    }

    /** This event carrying the W3C trace context {@code newTraceparent} (null for none). */
    public CloudEvent<T> withTraceparent(String newTraceparent) {
        return new CloudEvent<>(specversion, id, source, type, subject, time, datacontenttype, dataschema,
                newTraceparent, backfilled, data);
    }

    /** This event marked as history ({@code backfilled: true}) when {@code history} is true, else unmarked. */
    public CloudEvent<T> withBackfilled(boolean history) {
        return new CloudEvent<>(specversion, id, source, type, subject, time, datacontenttype, dataschema, traceparent,
                history ? Boolean.TRUE : null, data);
    }

}

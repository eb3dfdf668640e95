package vn.inspectorate.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** A stand-in for a service's business method: writes events in its transaction, and may fail after writing. */
@ApplicationScoped
public class SampleWrites {

    public record Noted(String aggregateId, int seq) {
    }

    public record Padded(String aggregateId, String padding) {
    }

    private final Outbox outbox;

    SampleWrites(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public List<String> write(String topic, String aggregateId, int from, int count) {
        return java.util.stream.IntStream.range(from, from + count)
                .mapToObj(i -> outbox.publish(topic, "vn.inspectorate.test.noted.v1", aggregateId, new Noted(aggregateId, i)).id())
                .toList();
    }

    /** One event before a batch of {@code count}, so the batch's place among single writes shows too. */
    @Transactional
    public void writeBatch(String topic, String aggregateId, int count) {
        outbox.publish(topic, "vn.inspectorate.test.noted.v1", aggregateId, new Noted(aggregateId, 0));
        outbox.publishAll(java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Outbox.PendingEvent(topic, "vn.inspectorate.test.noted.v1", aggregateId,
                        new Noted(aggregateId, i)))
                .toList());
    }

    /** One event on {@code topic}, then one of {@code padding} characters on {@code narrowTopic}, in one commit. */
    @Transactional
    public void writeThenOneLarge(String topic, String narrowTopic, String aggregateId, String padding) {
        outbox.publish(topic, "vn.inspectorate.test.noted.v1", aggregateId, new Noted(aggregateId, 0));
        outbox.publish(narrowTopic, "vn.inspectorate.test.padded.v1", aggregateId, new Padded(aggregateId, padding));
    }

    @Transactional
    public void writeThenFail(String topic, String aggregateId) {
        outbox.publish(topic, "vn.inspectorate.test.noted.v1", aggregateId, new Noted(aggregateId, -1));
        throw new IllegalStateException("business rule broken after the event was recorded");
    }
}

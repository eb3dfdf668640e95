package vn.inspectorate.bench.events;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the outbox relay put on a topic, read back from the broker: how many records, and the send times of the first
 * and last (the producer stamps each record when the relay sends it).
 */
record RelayedRecords(long count, long firstMillis, long lastMillis) {

    double seconds() {
        return (lastMillis - firstMillis) / 1000.0;
    }

    /** Reads {@code topic} from its start until {@code expected} records came, or fails after {@code deadline}. */
    static RelayedRecords read(String bootstrapServers, String topic, long expected, Duration deadline) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-relayed-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long count = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(java.util.List.of(topic));
            long end = System.nanoTime() + deadline.toNanos();
            while (count < expected) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException(count + " of " + expected + " records on " + topic + " within "
                            + deadline);
                }
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    count++;
                    first = Math.min(first, r.timestamp());
                    last = Math.max(last, r.timestamp());
                }
            }
        }
        return new RelayedRecords(count, first, last);
    }
}

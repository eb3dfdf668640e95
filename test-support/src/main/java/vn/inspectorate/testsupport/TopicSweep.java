package vn.inspectorate.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic's committed records from its beginning to end offsets taken at a stated moment, with a plain consumer
 * of no group. A read that cannot reach those offsets in time fails: a test never works on part of a topic without
 * asking for it ({@link #during}).
 */
public final class TopicSweep {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicSweep() {
    }

    /**
     * Every committed record of {@code topic}, up to the end offsets taken as the sweep starts; none when the topic does
     * not exist.
     */
    public static List<ConsumerRecord<String, String>> toEnd(String servers, String topic, Duration deadline) {
        return read(servers, topic, records -> true, deadline, false, "read_committed");
    }

    /**
     * What {@link #toEnd} reads, and the records of aborted and open transactions too: everything that reached the
     * topic's log.
     */
    public static List<ConsumerRecord<String, String>> writtenToEnd(String servers, String topic, Duration deadline) {
        return read(servers, topic, records -> true, deadline, false, "read_uncommitted");
    }

    /**
     * The records of {@code topic} once {@code done} holds for those read so far, and then up to the end offsets taken
     * at that moment, so that whatever was on the topic by then (a duplicate too) is in the answer. Fails when
     * {@code done} does not hold, or the end is not reached, within {@code deadline}.
     */
    public static List<ConsumerRecord<String, String>> until(String servers, String topic,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration deadline) {
        return read(servers, topic, done, deadline, true, "read_committed");
    }

    private static List<ConsumerRecord<String, String>> read(String servers, String topic,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration deadline, boolean awaitTopic,
            String isolation) {
        long end = System.nanoTime() + deadline.toNanos();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(servers, isolation)) {
            List<TopicPartition> partitions = partitions(consumer, topic, awaitTopic ? end : 0);
            if (partitions.isEmpty()) {
                if (done.test(records)) {
                    return records;
                }
                throw new AssertionError("topic " + topic + " does not exist after " + deadline);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = null;
            while (true) {
                if (endOffsets == null && done.test(records)) {
                    endOffsets = consumer.endOffsets(partitions);
                }
                if (endOffsets != null && reached(consumer, endOffsets)) {
                    return records;
                }
                if (System.nanoTime() > end) {
                    throw new AssertionError((endOffsets == null ? "the awaited records" : "the end offsets "
                            + endOffsets) + " of " + topic + " not read within " + deadline + "; " + records.size()
                            + " records read");
                }
                consumer.poll(POLL).forEach(records::add);
            }
        }
    }

    /** Partial by design: what {@code topic} holds after reading it for {@code time} (for "nothing arrives" checks). */
    public static List<ConsumerRecord<String, String>> during(String servers, String topic, Duration time) {
        long end = System.nanoTime() + time.toNanos();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(servers, "read_committed")) {
            List<TopicPartition> partitions = partitions(consumer, topic, end);
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < end) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** The topic's partitions, waited for until {@code end} (none when it does not exist by then). */
    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic, long end) {
        while (true) {
            List<PartitionInfo> info = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (info != null && !info.isEmpty()) {
                return info.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            }
            if (System.nanoTime() > end) {
                return List.of();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(String servers, String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}

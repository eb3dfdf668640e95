package vn.inspectorate.platform.inbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Sends poison records of a batch channel to the channel's dead-letter topic
 * ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}) with the headers the connector's own
 * dead-letter strategy writes. A batch channel cannot use that strategy: a nacked batch would send every record of the
 * batch there, the good ones too. A failed send is retried with a growing pause, so no poison record is dropped.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final Config config;
    private volatile KafkaProducer<String, String> producer;

    DeadLetters(Config config) {
        this.config = config;
    }

    /** The dead-letter topic of {@code channel}: its configured one, else the connector's default name. */
    public String topic(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class)
                .orElse("dead-letter-topic-" + channel);
    }

    /** Sends each poison record to the channel's dead-letter topic and returns once the broker has them all. */
    public void send(String channel, List<PoisonRecord> poison) {
        if (poison.isEmpty()) {
            return;
        }
        String topic = topic(channel);
        for (PoisonRecord p : poison) {
            long pauseMillis = 100;
            while (true) {
                try {
                    producer(channel).send(deadLetter(topic, p)).get(30, TimeUnit.SECONDS);
                    LOG.warnf("%s: record %s-%d@%d sent to %s: %s", channel, p.record().topic(), p.record().partition(),
                            p.record().offset(), topic, p.reason().getMessage());
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sending to " + topic, e);
                } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
                    LOG.warnf("%s: sending a poison record to %s failed (%s); retrying in %d ms", channel, topic,
                            e.getMessage(), pauseMillis);
                    pause(pauseMillis);
                    pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE.toMillis());
                }
            }
        }
    }

    static ProducerRecord<String, String> deadLetter(String topic, PoisonRecord p) {
        ConsumerRecord<String, String> record = p.record();
        var out = new ProducerRecord<String, String>(topic, record.key(), record.value());
        for (Header h : record.headers()) {
            out.headers().add(h);
        }
        // added last, so lastHeader() finds this reason even on a record that had been dead-lettered before
        add(out, EXCEPTION_CLASS_NAME, p.reason().getClass().getName());
        add(out, REASON, p.reason().getMessage() == null ? p.reason().toString() : p.reason().getMessage());
        Throwable cause = p.reason().getCause();
        if (cause != null) {
            add(out, CAUSE_CLASS_NAME, cause.getClass().getName());
            add(out, CAUSE, cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
        add(out, TOPIC, record.topic());
        add(out, PARTITION, Integer.toString(record.partition()));
        add(out, OFFSET, Long.toString(record.offset()));
        return out;
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer(String channel) {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    String servers = config.getOptionalValue("mp.messaging.incoming." + channel + ".bootstrap.servers",
                            String.class).or(() -> config.getOptionalValue("kafka.bootstrap.servers", String.class))
                            .orElse("localhost:9092");
                    String app = config.getOptionalValue("quarkus.application.name", String.class).orElse("service");
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                            ProducerConfig.CLIENT_ID_CONFIG, app + "-dead-letters",
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000),
                            new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a dead-letter send", e);
        }
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}

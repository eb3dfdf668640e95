package vn.inspectorate.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * A real single-node Kafka broker in KRaft mode, run from Kafka's own server classes in this JVM. Its port, cluster
 * id and log folder stay fixed across {@link #stop()} and {@link #start()}, so a restart keeps every record, as a
 * real broker restart would.
 */
public final class KafkaServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaServer.class);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private final Map<String, String> extraConfig;
    private EmbeddedKafkaBroker broker;

    private KafkaServer(Path logDir, int port, int controllerPort, Map<String, String> extraConfig) {
        this.logDir = logDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.extraConfig = extraConfig;
        this.clusterId = clusterIdFor(this.logDir);
    }

    /** A broker over {@code logDir} on {@code port} (0: any free port). */
    public static KafkaServer create(Path logDir, int port, Map<String, String> extraConfig) {
        return new KafkaServer(logDir, port == 0 ? FreePorts.next() : port, FreePorts.next(), extraConfig);
    }

    /** A throw-away broker in a temporary folder, for one test JVM. */
    public static KafkaServer temporary() {
        try {
            return create(Files.createTempDirectory("inspectorate-kafka-"), 0, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized KafkaServer start() {
        if (broker != null) {
            return this;
        }
        long began = System.nanoTime();
        broker = new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dir", logDir.toString());
                    p.put("auto.create.topics.enable", "true");
                    p.put("num.partitions", "3");
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("offsets.topic.num.partitions", "3");
                    p.putAll(extraConfig);
                })
                .start();
        LOG.infof("Kafka broker started on %s in %d ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        return this;
    }

    /** Shuts the broker down; its data stays for the next {@link #start()}. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public synchronized boolean isRunning() {
        return broker != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that do not exist yet, with the partition count given. */
    public void createTopics(int partitions, String... topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            for (String topic : topics) {
                try {
                    admin.createTopics(java.util.List.of(new NewTopic(topic, partitions, (short) 1))).all()
                            .get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not answer while creating topics", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The cluster id is kept beside the data, so a broker restarted over the same folder recognises it. */
    private static String clusterIdFor(Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path idFile = logDir.resolveSibling(logDir.getFileName() + ".cluster-id");
            if (Files.exists(idFile)) {
                return Files.readString(idFile).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(idFile, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

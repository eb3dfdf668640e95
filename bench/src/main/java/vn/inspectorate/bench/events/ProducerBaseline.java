package vn.inspectorate.bench.events;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.inspectorate.bench.load.Commands;

/**
 * Kafka's own producer benchmark ({@code org.apache.kafka.tools.ProducerPerformance} from kafka-tools, the broker's
 * version) in a JVM of its own, with the outbox relay's producer settings, as the baseline of the relay.
 */
public final class ProducerBaseline {

    /** {@code 200000 records sent, 45000.5 records/sec (25.75 MB/sec), 300.12 ms avg latency, ...}. */
    private static final Pattern FINAL = Pattern.compile(
            "(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), ([0-9.]+) ms avg latency");

    public record Figures(long records, double recordsPerSecond, double mbPerSecond, double avgLatencyMs) {
    }

    public static Figures run(String bootstrapServers, String topic, long records, int recordSize) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", libFolder() + "/*", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records), "--record-size",
                Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true",
                "max.in.flight.requests.per.connection=5", "linger.ms=5", "compression.type=none"));
        return parse(Commands.check(command, Map.of(), null, 600));
    }

    static Figures parse(String output) {
        Matcher m = FINAL.matcher(output);
        Figures last = null;
        while (m.find()) {
            last = new Figures(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)));
        }
        if (last == null) {
            throw new IllegalArgumentException("no summary in ProducerPerformance output:\n" + output);
        }
        return last;
    }

    /** The harness' dependencies, copied beside its jar by the build. */
    private static Path libFolder() {
        try {
            Path jar = Path.of(ProducerBaseline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolve("lib");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProducerBaseline() {
    }
}

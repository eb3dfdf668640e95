package vn.inspectorate.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the application at the JVM's real Kafka broker. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.kafka.devservices.enabled", "false",
                "kafka.bootstrap.servers", TestServers.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // the broker lives for the whole JVM: see TestServers
    }
}

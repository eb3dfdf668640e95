package vn.inspectorate.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "inspectorate.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of this service's events, e.g. {@code /inspectorate/complaints-service}. */
    @WithDefault("/inspectorate/${quarkus.application.name}")
    String source();

    Relay relay();

    interface Relay {
        /** Off in a process that only writes (the rows wait for a relay elsewhere, or for Debezium). */
        @WithDefault("true")
        boolean enabled();

        /** How long the relay sleeps when there is nothing to send and no commit woke it. */
        @WithDefault("PT0.2S")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /**
         * How long the relay lets rows gather after a batch that was not full, before it takes the next one (zero:
         * at once). The most a busy outbox adds to an event's way out; a lone event does not wait for it.
         */
        @WithDefault("PT0.02S")
        Duration gather();

        /** The Kafka transactional id of this service's relay. */
        @WithDefault("outbox-${quarkus.application.name}")
        String transactionalId();

        /** The longest wait for the broker's acknowledgement of a batch. */
        @WithDefault("PT15S")
        Duration sendTimeout();

        /** The longest pause between attempts while the broker is unreachable. */
        @WithDefault("PT5S")
        Duration maxBackoff();

        /** Sent rows are kept this long for audit and replay, then deleted. */
        @WithDefault("P7D")
        Duration retention();
    }
}

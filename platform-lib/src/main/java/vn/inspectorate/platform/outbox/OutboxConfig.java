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
         * How long the relay lets rows gather after a batch that was not full but carried at least
         * {@link #gatherFrom()} rows, before it takes the next one (zero: never). The most a busy outbox adds to an
         * event's way out; on a quiet one no event waits for it.
         */
        @WithDefault("PT0.02S")
        Duration gather();

        /**
         * The fewest rows a batch must carry for the relay to let the next rows gather after it. Fewer means the
         * writes are not arriving together: gathering would delay each event without sharing a Kafka transaction.
         */
        @WithDefault("3")
        int gatherFrom();

        /** The Kafka transactional id of this service's relay. */
        @WithDefault("outbox-${quarkus.application.name}")
        String transactionalId();

        /**
         * How long a record may take to reach the broker (the producer's delivery timeout), and, a second more, how
         * long the relay may take to hand a batch over and commit it. Each single wait on the broker (the producer's
         * start, a topic's metadata, one try of a commit, an abort) lasts at most this or 5 s, the less.
         */
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

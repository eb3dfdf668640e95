package vn.inspectorate.testsupport;

import vn.inspectorate.infra.KafkaServer;
import vn.inspectorate.infra.PostgresServer;

/**
 * The real servers of one test JVM: each starts on first use and stops when the JVM exits, however many times
 * Quarkus restarts between test classes. Fault tests stop and start them through these handles.
 */
public final class TestServers {

    private static PostgresServer postgres;
    private static KafkaServer kafka;

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.temporary().start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "stop-postgres"));
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = KafkaServer.temporary().start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "stop-kafka"));
        }
        return kafka;
    }

    private TestServers() {
    }
}

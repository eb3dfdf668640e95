package vn.inspectorate.inspection.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.reference.InspectionBodyChanged;
import vn.inspectorate.platform.reference.ReferenceChangeListener;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Two instances share the database, and the registers are kept for an hour in the tests: a body changed through the
 * other instance (written here in a transaction of its own, with no local invalidation) is known here as soon as the
 * event its outbox publishes arrives.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class ReferenceRegistersAcrossInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final LocalDate FROM = LocalDate.of(2025, 7, 1);

    @Inject
    ReferenceRegisters registers;
    @Inject
    ReferenceChangeListener listener;
    @Inject
    EntityManager em;

    @BeforeEach
    void listening() {
        await().atMost(Duration.ofSeconds(30)).until(listener::ready);
    }

    @Test
    void aBodyAddedThroughAnotherInstanceIsKnownHereOnceItsEventArrives() throws Exception {
        String code = "TTT-XI-HN";
        assertThat(known(code)).isFalse();
        try {
            insertBody(code);
            assertThat(known(code)).as("kept: nothing told this instance yet").isFalse();

            sendBodyChanged(code, 1, "ADDED");
            await().pollInSameThread().atMost(WITHIN).until(() -> known(code));
            assertThat(registers.bodies().find(code).orElseThrow().provinceCode()).isEqualTo("VN-HN");
        } finally {
            deleteBody(code);
            sendBodyChanged(code, 2, "RETIRED");
            await().pollInSameThread().atMost(WITHIN).until(() -> !known(code));
        }
    }

    @Test
    void anUnknownReferenceEventPassesByAndTheListenerGoesOn() throws Exception {
        String code = "TTT-XJ-HN";
        String key = InspectionBodyChanged.bodyIdOf(code).toString();
        assertThat(known(code)).isFalse();
        try {
            insertBody(code);
            // on the same partition as the body's event, so read before it
            CloudEvent<Map<String, String>> unknown = CloudEvent.of("/inspection-service",
                    "vn.inspectorate.reference.something-new.v1", key, OffsetDateTime.now(),
                    Map.of("what", "a reference change this version does not know"));
            send(key, JSON.writeValueAsString(unknown));
            sendBodyChanged(code, 1, "ADDED");
            await().pollInSameThread().atMost(WITHIN).until(() -> known(code));
            assertThat(listener.ready()).isTrue();
        } finally {
            deleteBody(code);
            sendBodyChanged(code, 2, "RETIRED");
            await().pollInSameThread().atMost(WITHIN).until(() -> !known(code));
        }
    }

    private boolean known(String code) {
        return QuarkusTransaction.requiringNew().call(() -> registers.bodies().find(code).isPresent());
    }

    private void insertBody(String code) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into inspection_body (code, name, level, province_code, valid_from, certainty)
                values (?1, 'Thanh tra của phiên bản khác', 'PROVINCIAL', 'VN-HN', ?2, 'CONFIRMED')""")
                .setParameter(1, code).setParameter(2, FROM).executeUpdate());
    }

    private void deleteBody(String code) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from inspection_body where code = ?1").setParameter(1, code).executeUpdate());
    }

    /** What the other instance's outbox publishes for the body. */
    private static void sendBodyChanged(String code, long version, String change) throws Exception {
        UUID id = InspectionBodyChanged.bodyIdOf(code);
        CloudEvent<InspectionBodyChanged> event = CloudEvent.of("/inspection-service",
                EventTypes.REFERENCE_INSPECTION_BODY_CHANGED, id.toString(), OffsetDateTime.now(),
                new InspectionBodyChanged(id, version, OffsetDateTime.now(), UUID.randomUUID(), change, FROM, code,
                        "Thanh tra của phiên bản khác", "PROVINCIAL", "VN-HN", FROM, null, null, "CONFIRMED"));
        send(id.toString(), JSON.writeValueAsString(event));
    }

    private static void send(String key, String value) {
        var props = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REFERENCE, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

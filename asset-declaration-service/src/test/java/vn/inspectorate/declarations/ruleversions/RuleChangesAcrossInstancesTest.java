package vn.inspectorate.declarations.ruleversions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
import vn.inspectorate.contracts.reference.DeclarationRuleChanged;
import vn.inspectorate.declarations.Events;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.platform.reference.ReferenceChangeListener;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Two instances share the database, and the rules are kept for an hour in the tests: a rule change is announced on
 * the reference topic through the outbox, and one committed through the other instance (written here in a transaction
 * of its own, with no local invalidation) judges declarations here as soon as its event arrives. Each test works on
 * its own parameter from 2095 on, clear of the other tests' dates.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "admin-rules", roles = "platform-admin")
class RuleChangesAcrossInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Inject
    RuleData rules;
    @Inject
    ReferenceChangeListener listener;
    @Inject
    EntityManager em;

    @BeforeEach
    void listening() {
        await().atMost(Duration.ofSeconds(30)).until(listener::ready);
    }

    @Test
    void aParameterVersionAddedThroughAnotherInstanceCountsHereOnceItsEventArrives() throws Exception {
        String code = RuleData.REMINDERS_BEFORE_VIOLATION;
        LocalDate from = LocalDate.of(2095, 1, 1);
        long before = value(code, from);
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into rule_parameter (code, effective_from, value, unit, description, source)
                    select code, ?2, ?3, unit, description, 'Decree of another instance' from rule_parameter
                    where code = ?1 and effective_to is null""").setParameter(1, code).setParameter(2, from)
                    .setParameter(3, before + 7).executeUpdate());
            assertThat(value(code, from)).as("kept: nothing told this instance yet").isEqualTo(before);

            sendRuleChanged(code);
            await().pollInSameThread().atMost(WITHIN).until(() -> value(code, from) == before + 7);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from rule_parameter where code = ?1 and effective_from = ?2").setParameter(1, code)
                    .setParameter(2, from).executeUpdate());
            sendRuleChanged(code);
            await().pollInSameThread().atMost(WITHIN).until(() -> value(code, from) == before);
        }
    }

    @Test
    void aRuleChangeIsAnnouncedOnTheReferenceTopicOnceCommitted() {
        String code = RuleData.MOVABLE_ITEM_THRESHOLD;
        LocalDate from = LocalDate.of(2096, 1, 1);
        String subject = "rule-parameter:" + code;
        try {
            given().contentType(ContentType.JSON).body(Map.of("code", code, "value", 60_000_000,
                    "effectiveFrom", from.toString(), "source", "Decree 2/2095/ND-CP", "reason", "Raised"))
                    .post("/api/v1/declaration-rules/parameters").then().statusCode(201);

            UUID id = DeclarationRuleChanged.declarationRuleIdOf(subject);
            List<JsonNode> events = Events.about(Topics.REFERENCE, id.toString(), 1);
            assertThat(events).hasSize(1);
            JsonNode data = events.get(0).path("data");
            assertThat(events.get(0).path("type").asText()).isEqualTo(EventTypes.REFERENCE_DECLARATION_RULE_CHANGED);
            assertThat(data.path("declarationRuleId").asText()).isEqualTo(id.toString());
            assertThat(data.path("kind").asText()).isEqualTo("RULE_PARAMETER_ADDED");
            assertThat(data.path("subject").asText()).isEqualTo(subject);
            assertThat(data.path("version").asLong()).isEqualTo(1);
            assertThat(data.path("changeId").asText()).isEqualTo(QuarkusTransaction.requiringNew().call(() ->
                    em.createNativeQuery("select cast(id as text) from rule_change where subject = ?1")
                            .setParameter(1, subject).getSingleResult()));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from rule_parameter where code = ?1 and effective_from = ?2")
                        .setParameter(1, code).setParameter(2, from).executeUpdate();
                em.createNativeQuery("update rule_parameter set effective_to = null where code = ?1 "
                        + "and effective_to = ?2").setParameter(1, code).setParameter(2, from.minusDays(1))
                        .executeUpdate();
            });
            rules.invalidate();
        }
    }

    @Test
    void anUnknownReferenceEventPassesByAndTheListenerGoesOn() throws Exception {
        String code = RuleData.PUBLICATION_DAYS;
        LocalDate from = LocalDate.of(2097, 1, 1);
        long before = value(code, from);
        String key = DeclarationRuleChanged.declarationRuleIdOf("rule-parameter:" + code).toString();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into rule_parameter (code, effective_from, value, unit, description, source)
                    select code, ?2, ?3, unit, description, 'Decree of another instance' from rule_parameter
                    where code = ?1 and effective_to is null""").setParameter(1, code).setParameter(2, from)
                    .setParameter(3, before + 3).executeUpdate());
            // on the same partition as the change's event, so read before it
            CloudEvent<Map<String, String>> unknown = CloudEvent.of("/asset-declaration-service",
                    "vn.inspectorate.reference.something-new.v1", key, OffsetDateTime.now(),
                    Map.of("what", "a reference change this version does not know"));
            send(key, JSON.writeValueAsString(unknown));
            sendRuleChanged(code);
            await().pollInSameThread().atMost(WITHIN).until(() -> value(code, from) == before + 3);
            assertThat(listener.ready()).isTrue();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from rule_parameter where code = ?1 and effective_from = ?2").setParameter(1, code)
                    .setParameter(2, from).executeUpdate());
            sendRuleChanged(code);
            await().pollInSameThread().atMost(WITHIN).until(() -> value(code, from) == before);
        }
    }

    private long value(String code, LocalDate on) {
        return QuarkusTransaction.requiringNew().call(() -> rules.value(code, on));
    }

    /** What the other instance's outbox publishes for a change of the parameter {@code code}. */
    private static void sendRuleChanged(String code) throws Exception {
        String subject = "rule-parameter:" + code;
        UUID id = DeclarationRuleChanged.declarationRuleIdOf(subject);
        CloudEvent<DeclarationRuleChanged> event = CloudEvent.of("/asset-declaration-service",
                EventTypes.REFERENCE_DECLARATION_RULE_CHANGED, id.toString(), OffsetDateTime.now(),
                new DeclarationRuleChanged(id, 1, OffsetDateTime.now(), UUID.randomUUID(), "RULE_PARAMETER_ADDED",
                        subject));
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

package vn.inspectorate.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.CloudEvent;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.cases.CaseLinked;
import vn.inspectorate.reporting.projection.Projector;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * A batch of events leaves every projection table exactly as the same events applied one transaction each: the
 * figures and their roll-ups, the national totals, the contributions, the case states and open counts, the matters
 * and the kept events. The events cover what a batch must get right in memory: several events of one case, an event
 * that arrives before the one it follows, a second copy of an event under another id, links and duplicates that join
 * matters, cases in two provinces. Rows that hold 0 are left aside. They are dated 1993 in provinces of their own,
 * outside what the other tests read, and removed after each comparison.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class BatchedProjectionTest {

    private static final String[] PROVINCES = {"VN-ZZ-BATCH-A", "VN-ZZ-BATCH-B"};
    private static final LocalDate FIRST_DAY = LocalDate.parse("1993-03-01");

    @Inject
    Projector projector;
    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;

    private final List<UUID> aggregates = new ArrayList<>();
    private final List<UUID> cases = new ArrayList<>();

    @Test
    void aBatchWritesWhatItsEventsOneByOneWrite() throws Exception {
        List<Sent> events = events();

        events.forEach(e -> QuarkusTransaction.requiringNew().run(() -> projector.apply(e.topic(), e.event())));
        Map<String, List<String>> oneByOne = tables();
        remove();

        applyInBatches(events, events.size());
        Map<String, List<String>> oneBatch = tables();
        remove();

        applyInBatches(events, 7);
        Map<String, List<String>> batchesOfSeven = tables();

        assertThat(oneByOne.get("daily_figure")).as("the events were counted").hasSizeGreaterThan(20);
        assertThat(oneByOne.get("matter_filing")).hasSize(cases.size());
        oneByOne.forEach((table, rows) -> {
            assertThat(oneBatch.get(table)).as(table + ", one batch").isEqualTo(rows);
            assertThat(batchesOfSeven.get(table)).as(table + ", batches of seven").isEqualTo(rows);
        });
    }

    @AfterEach
    void removeTheEvents() throws SQLException {
        remove();
    }

    private void applyInBatches(List<Sent> events, int size) {
        for (int from = 0; from < events.size(); from += size) {
            List<Sent> part = events.subList(from, Math.min(events.size(), from + size));
            QuarkusTransaction.requiringNew().run(() -> {
                Projector.Batch batch = projector.batch();
                batch.prepare(part.stream().map(Sent::event).toList());
                part.forEach(e -> batch.apply(e.topic(), e.event()));
                batch.end();
            });
        }
    }

    /** Thirty cases and six inspections, their events in an order a topic could deliver them in. */
    private List<Sent> events() {
        Random random = new Random(1993);
        List<Sent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID id = UUID.randomUUID();
            cases.add(id);
            aggregates.add(id);
            String province = PROVINCES[i % 2];
            LocalDate received = FIRST_DAY.plusDays(random.nextInt(20));
            Sent receivedEvent = event(EventTypes.CASE_RECEIVED, Map.of("caseId", id, "version", 1L, "occurredAt",
                    EventFeed.at(received), "provinceCode", province, "receivingBodyCode", "BODY-" + (i % 3),
                    "channel", "LETTER", "receivedOn", received, "complainantCount", 1));
            Sent accepted = event(EventTypes.CASE_ACCEPTED, Map.of("caseId", id, "version", 2L, "occurredAt",
                    EventFeed.at(received.plusDays(3)), "provinceCode", province,
                    "kind", i % 4 == 0 ? "DENUNCIATION" : "COMPLAINT", "handlingBodyCode", "BODY-" + (i % 3),
                    "acceptedOn", received.plusDays(3), "dueOn", received.plusDays(33)));
            if (i % 6 == 1) {
                // the acceptance arrives before the reception it follows
                events.add(accepted);
                events.add(receivedEvent);
            } else {
                events.add(receivedEvent);
                if (i % 3 != 2) {
                    events.add(accepted);
                }
            }
            if (i % 8 == 3) {
                // the same step again under another event id: kept and counted once
                events.add(event(EventTypes.CASE_RECEIVED, Map.of("caseId", id, "version", 1L, "occurredAt",
                        EventFeed.at(received), "provinceCode", province, "receivingBodyCode", "BODY-" + (i % 3),
                        "channel", "LETTER", "receivedOn", received, "complainantCount", 1)));
            }
            if (i % 5 == 0 && i % 3 != 2) {
                events.add(event(EventTypes.CASE_RESOLVED, Map.of("caseId", id, "version", 3L, "occurredAt",
                        EventFeed.at(received.plusDays(20)), "provinceCode", province, "kind", "COMPLAINT",
                        "handlingBodyCode", "BODY-" + (i % 3), "resolvedOn", received.plusDays(20), "onTime", true)));
            }
            if (i % 7 == 6) {
                events.add(event(EventTypes.CASE_CLOSED, Map.of("caseId", id, "version", 3L, "occurredAt",
                        EventFeed.at(received.plusDays(5)), "provinceCode", province, "closureReason", "DUPLICATE",
                        "closedOn", received.plusDays(5), "duplicateOfCaseId", cases.get(i - 1))));
            }
            if (i % 5 == 4) {
                // one step links the filing with two earlier ones, joining up to three groups
                UUID other = cases.get(i - 3);
                UUID linkId = CaseLinked.linkIdOf(id, other);
                aggregates.add(linkId);
                events.add(event(EventTypes.CASE_LINKED, Map.of("linkId", linkId, "version", 1L, "occurredAt",
                        EventFeed.at(received), "caseId", id, "provinceCode", province,
                        "links", List.of(new CaseLinked.Link(other, PROVINCES[(i - 3) % 2], "MASS_CASE"),
                                new CaseLinked.Link(cases.get(i - 4), PROVINCES[i % 2], "MASS_CASE")))));
            }
        }
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            aggregates.add(id);
            LocalDate opened = FIRST_DAY.plusDays(2L * i);
            events.add(event(EventTypes.INSPECTION_OPENED,
                    SeedEvents.opened(id, PROVINCES[i % 2], "ADMINISTRATIVE", null, i % 2 == 0, opened)));
            if (i % 2 == 0) {
                events.add(event(EventTypes.INSPECTION_CONCLUDED, SeedEvents.concluded(id, PROVINCES[i % 2], 2,
                        opened.plusDays(30), 1_000_000L * (i + 1), 500_000L, 1, 1, 1, 0)));
            }
        }
        return events;
    }

    private Sent event(String type, Map<String, ?> values) {
        Record data = EventFeed.payload(EventCatalog.payloadType(type), values);
        CloudEvent<JsonNode> event = CloudEvent.of("/inspectorate/test-producer", type, "test",
                EventFeed.at(FIRST_DAY), mapper.<JsonNode>valueToTree(data));
        return new Sent(EventCatalog.topicOf(type), event);
    }

    /** Every row the events wrote, table by table, as text in a fixed order. */
    private Map<String, List<String>> tables() throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        // a 0 is no figure: events applied one by one count a matter after each of its events, a batch once at its
        // end, so the keys a matter passed through keep a row of 0 only in the former
        String provinces = "province_code like 'VN-ZZ-BATCH-%' and value <> 0";
        queries.put("daily_figure", "select d::text from daily_figure d where " + provinces);
        queries.put("monthly_figure", "select m::text from monthly_figure m where " + provinces);
        queries.put("yearly_figure", "select y::text from yearly_figure y where " + provinces);
        queries.put("national_daily_figure", """
                select n::text from national_daily_figure n
                where day between '1993-01-01' and '1993-12-31' and value <> 0""");
        queries.put("figure_contribution", "select c::text from figure_contribution c where " + provinces);
        queries.put("case_state", "select s::text from case_state s where case_id = any(?)");
        queries.put("open_case_count",
                "select o::text from open_case_count o where province_code like 'VN-ZZ-BATCH-%' and cases <> 0");
        queries.put("matter_filing", "select f::text from matter_filing f where case_id = any(?)");
        queries.put("case_link", "select l::text from case_link l where case_id = any(?)");
        queries.put("aggregate_event", """
                select aggregate_id || ' ' || version || ' ' || event_type || ' ' || payload::text
                from aggregate_event where aggregate_id = any(?)""");
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                try (PreparedStatement s = c.prepareStatement("select * from (" + q.getValue() + ") t order by 1")) {
                    if (q.getValue().contains("?")) {
                        s.setArray(1, ids(c, q.getKey().equals("aggregate_event") ? aggregates : cases));
                    }
                    List<String> rows = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                    tables.put(q.getKey(), rows);
                }
            }
        }
        return tables;
    }

    private void remove() throws SQLException {
        if (aggregates.isEmpty()) {
            return;
        }
        String provinces = "province_code like 'VN-ZZ-BATCH-%'";
        Map<String, Boolean> deletes = new LinkedHashMap<>();
        deletes.put("delete from daily_figure where " + provinces, false);
        deletes.put("delete from monthly_figure where " + provinces, false);
        deletes.put("delete from yearly_figure where " + provinces, false);
        deletes.put("delete from national_daily_figure where day between '1993-01-01' and '1993-12-31'", false);
        deletes.put("delete from figure_contribution where " + provinces, false);
        deletes.put("delete from open_case_count where " + provinces, false);
        deletes.put("delete from case_state where case_id = any(?)", true);
        deletes.put("delete from matter_filing where case_id = any(?)", true);
        deletes.put("delete from case_link where case_id = any(?)", true);
        deletes.put("delete from aggregate_event where aggregate_id = any(?)", true);
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, Boolean> d : deletes.entrySet()) {
                try (PreparedStatement s = c.prepareStatement(d.getKey())) {
                    if (d.getValue()) {
                        s.setArray(1, ids(c, aggregates));
                    }
                    s.executeUpdate();
                }
            }
        }
    }

    private static Array ids(Connection c, List<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }

    private record Sent(String topic, CloudEvent<JsonNode> event) {
    }
}

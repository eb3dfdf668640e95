package vn.inspectorate.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.reporting.projection.ProjectionStore;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Events of producers that wrote fewer fields than the payload records have now (optional fields absent, flags and
 * counts left out) are counted as they always were: an absent text or date keeps what an earlier event said, an absent
 * flag is false, an absent number 0, a day without its own date is the Vietnamese day of {@code occurredAt}. Each
 * event folds again with the ones kept before it, so the kept events are read the same way too. The records are in
 * 2013, which no other reporting test reads.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class OlderProducerEventsTest {

    private static final String HN = "VN-HN";

    @Inject
    ObjectMapper mapper;

    @Inject
    ProjectionStore store;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsLackingOptionalFieldsFoldAsBefore() throws Exception {
        EventFeed feed = new EventFeed(mapper);
        UUID watched = UUID.randomUUID();
        UUID resolved = UUID.randomUUID();
        UUID inspection = UUID.randomUUID();
        UUID declaration = UUID.randomUUID();

        // a case: no receiving body, no mass flag; kind and province only on some events; then overdue without its
        // due day (the day it was noticed in Vietnam, 20:00 UTC being the next morning there), a watchlist decision
        // without its flag, a progress report without its overdue flag, closed without a duplicate
        send(feed, EventTypes.CASE_RECEIVED, watched, 1, "2013-03-04T09:00:00+07:00",
                Map.of("provinceCode", HN, "receivedOn", "2013-03-04"));
        send(feed, EventTypes.CASE_CLASSIFIED, watched, 2, "2013-03-05T09:00:00+07:00", Map.of("kind", "COMPLAINT"));
        send(feed, EventTypes.CASE_ASSIGNED, watched, 4, "2013-03-11T09:00:00+07:00",
                Map.of("handlingBodyCode", "TTTP-HN"));
        send(feed, EventTypes.CASE_ACCEPTED, watched, 3, "2013-03-10T09:00:00+07:00",
                Map.of("acceptedOn", "2013-03-10", "dueOn", "2013-04-10"));
        send(feed, EventTypes.CASE_OVERDUE, watched, 5, "2013-04-11T20:00:00Z", Map.of());
        send(feed, EventTypes.CASE_WATCHLISTED, watched, 6, "2013-05-01T09:00:00+07:00",
                Map.of("decidedOn", "2013-05-01"));
        send(feed, EventTypes.CASE_PROGRESS_REPORTED, watched, 7, "2013-05-30T09:00:00+07:00",
                Map.of("reportMonth", "2013-05"));
        send(feed, EventTypes.CASE_CLOSED, watched, 8, "2013-06-01T09:00:00+07:00", Map.of("closedOn", "2013-06-01"));

        // a mass case resolved without the on-time flag or a handling body, escalated and transferred (no dates of
        // their own), put on the watchlist, then taken off by a decision without the flag (no case of this test
        // stays open or watchlisted: the figures of now are the other tests')
        send(feed, EventTypes.CASE_RECEIVED, resolved, 1, "2013-07-01T09:00:00+07:00", Map.of("provinceCode", HN,
                "receivingBodyCode", "BTCD-HN", "receivedOn", "2013-07-01", "mass", true));
        send(feed, EventTypes.CASE_ACCEPTED, resolved, 2, "2013-07-02T09:00:00+07:00",
                Map.of("kind", "DENUNCIATION", "acceptedOn", "2013-07-02"));
        send(feed, EventTypes.CASE_TRANSFERRED, resolved, 3, "2013-07-03T18:30:00Z", Map.of());
        send(feed, EventTypes.CASE_RESOLVED, resolved, 4, "2013-07-20T09:00:00+07:00",
                Map.of("resolvedOn", "2013-07-20"));
        send(feed, EventTypes.CASE_ESCALATED, resolved, 5, "2013-07-25T09:00:00+07:00", Map.of());
        send(feed, EventTypes.CASE_WATCHLISTED, resolved, 6, "2013-08-01T09:00:00+07:00",
                Map.of("onWatchlist", true, "decidedOn", "2013-08-01"));
        send(feed, EventTypes.CASE_WATCHLISTED, resolved, 7, "2013-09-01T09:00:00+07:00",
                Map.of("decidedOn", "2013-09-01"));

        // an inspection opened without its type, sector or planned flag; concluded with few figures (type and sector
        // from the conclusion, the body from the opening); a recovery without land; an overlap
        send(feed, EventTypes.INSPECTION_OPENED, inspection, 1, "2013-02-01T09:00:00+07:00",
                Map.of("provinceCode", HN, "inspectingBodyCode", "TTTP-HN", "openedOn", "2013-02-01"));
        send(feed, EventTypes.INSPECTION_CONCLUDED, inspection, 2, "2013-03-01T09:00:00+07:00",
                Map.of("sector", "LAND", "inspectionType", "ADMINISTRATIVE", "concludedOn", "2013-03-01",
                        "violationsVnd", 5_000, "unitsCovered", 2));
        send(feed, EventTypes.INSPECTION_RECOVERY_RECORDED, inspection, 3, "2013-04-01T09:00:00+07:00",
                Map.of("recoveredVnd", 700, "recordedOn", "2013-04-01"));
        send(feed, EventTypes.INSPECTION_OVERLAP_DETECTED, inspection, 4, "2013-04-02T09:00:00+07:00", Map.of());

        // a declaration submitted without the late flag; flags without rule versions, one without its rule; verified
        // without a conclusion
        send(feed, EventTypes.DECLARATION_SUBMITTED, declaration, 1, "2013-01-10T09:00:00+07:00",
                Map.of("agencyCode", "SO-TC-HN", "provinceCode", HN, "kind", "ANNUAL", "submittedOn", "2013-01-10"));
        send(feed, EventTypes.DECLARATION_FLAGGED, declaration, 2, "2013-01-11T20:00:00Z",
                Map.of("flags", List.of(Map.of("ruleId", "LARGE_CASH"), Map.of())));
        send(feed, EventTypes.DECLARATION_VERIFICATION_SELECTED, declaration, 3, "2013-01-20T09:00:00+07:00",
                Map.of());
        send(feed, EventTypes.DECLARATION_VERIFIED, declaration, 4, "2013-02-20T09:00:00+07:00",
                Map.of("concludedOn", "2013-02-20"));
        EventFeed.awaitProjected(store);

        assertThat(contributions(watched)).containsExactlyInAnyOrder(
                "cases.accepted VN-HN TTTP-HN  COMPLAINT 2013-03-10 1",
                "cases.overdue VN-HN TTTP-HN  COMPLAINT 2013-04-12 1",
                "cases.received VN-HN TTTP-HN  COMPLAINT 2013-03-04 1",
                "cases.watchlist_progress_reports VN-HN TTTP-HN  COMPLAINT 2013-05-01 1");
        assertThat(caseState(watched)).isEqualTo("VN-HN TTTP-HN COMPLAINT 2013-04-10 false true false");
        assertThat(contributions(resolved)).containsExactlyInAnyOrder(
                "cases.accepted VN-HN BTCD-HN  DENUNCIATION 2013-07-02 1",
                "cases.escalated VN-HN BTCD-HN  DENUNCIATION 2013-07-25 1",
                "cases.mass VN-HN BTCD-HN  DENUNCIATION 2013-07-01 1",
                "cases.received VN-HN BTCD-HN  DENUNCIATION 2013-07-01 1",
                "cases.resolved VN-HN BTCD-HN  DENUNCIATION 2013-07-20 1",
                "cases.transferred VN-HN BTCD-HN  DENUNCIATION 2013-07-04 1",
                "cases.watchlisted VN-HN BTCD-HN  DENUNCIATION 2013-08-01 1");
        assertThat(caseState(resolved)).isEqualTo("VN-HN BTCD-HN DENUNCIATION null false false false");
        assertThat(contributions(inspection)).containsExactlyInAnyOrder(
                "inspections.ad_hoc VN-HN TTTP-HN LAND ADMINISTRATIVE 2013-02-01 1",
                "inspections.administrative VN-HN TTTP-HN LAND ADMINISTRATIVE 2013-02-01 1",
                "inspections.conclusions VN-HN TTTP-HN LAND ADMINISTRATIVE 2013-03-01 1",
                "inspections.opened VN-HN TTTP-HN LAND ADMINISTRATIVE 2013-02-01 1",
                "inspections.overlaps VN-HN TTTP-HN LAND ADMINISTRATIVE 2013-04-02 1",
                "inspections.recovered_vnd VN-HN TTTP-HN LAND ADMINISTRATIVE 2013-04-01 700",
                "inspections.units_covered VN-HN TTTP-HN LAND ADMINISTRATIVE 2013-03-01 2",
                "inspections.violations_vnd VN-HN TTTP-HN LAND ADMINISTRATIVE 2013-03-01 5000");
        assertThat(contributions(declaration)).containsExactlyInAnyOrder(
                "declarations.flagged VN-HN SO-TC-HN  ANNUAL 2013-01-12 1",
                "declarations.flagged_rule VN-HN SO-TC-HN  LARGE_CASH 2013-01-12 1",
                "declarations.selected VN-HN SO-TC-HN  ANNUAL 2013-01-20 1",
                "declarations.submitted VN-HN SO-TC-HN  ANNUAL 2013-01-10 1",
                "declarations.verified VN-HN SO-TC-HN  ANNUAL 2013-02-20 1");
    }

    /** Sends an event with only {@code fields} (and the id, version and time every producer wrote) as its data. */
    private void send(EventFeed feed, String type, UUID aggregateId, long version, String occurredAt,
            Map<String, ?> fields) throws Exception {
        String idField = switch (EventCatalog.topicOf(type)) {
            case Topics.CASES -> "caseId";
            case Topics.INSPECTIONS -> "inspectionId";
            default -> "declarationId";
        };
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(idField, aggregateId.toString());
        data.put("version", version);
        data.put("occurredAt", occurredAt);
        data.putAll(fields);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/inspectorate/older-producer");
        event.put("type", type);
        event.put("subject", aggregateId.toString());
        event.put("time", occurredAt);
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        feed.sendRaw(EventCatalog.topicOf(type), aggregateId.toString(), mapper.writeValueAsString(event));
    }

    private List<String> contributions(UUID recordId) throws SQLException {
        return rows("""
                select figure, province_code, body_code, sector, kind, day, value from figure_contribution
                where record_id = ?""", recordId, 7);
    }

    private String caseState(UUID caseId) throws SQLException {
        List<String> rows = rows("""
                select province_code, body_code, kind, due_on, open, overdue, on_watchlist from case_state
                where case_id = ?""", caseId, 7);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private List<String> rows(String sql, UUID id, int columns) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(String.valueOf(rs.getObject(i)));
                    }
                    rows.add(String.join(" ", values));
                }
            }
        }
        return rows;
    }
}

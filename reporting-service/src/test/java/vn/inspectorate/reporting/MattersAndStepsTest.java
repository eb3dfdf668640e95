package vn.inspectorate.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.cases.CaseLinked;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.projection.ProjectionStore;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Matters counted once: filings linked across provinces are one matter nationally and one in each province they were
 * filed in, on the day of the first filing, and a late link corrects the figures already counted. Pause, resume and
 * withdrawal are folded into the case's figures and its deadline. The records are in 2009, which no other reporting
 * test reads.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class MattersAndStepsTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    ProjectionStore store;

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void oneMatterFiledInThreeProvincesCountsOnceNationallyAndOnceInEach() {
        EventFeed feed = new EventFeed(mapper);
        UUID hanoi = UUID.randomUUID();
        UUID ninhBinh = UUID.randomUUID();
        UUID haiPhong = UUID.randomUUID();
        received(feed, hanoi, "VN-HN", "BTCD-HN", LocalDate.parse("2009-03-02"));
        received(feed, ninhBinh, "VN-18", "BTCD-18", LocalDate.parse("2009-03-05"));
        received(feed, haiPhong, "VN-HP", "BTCD-HP", LocalDate.parse("2009-04-10"));
        link(feed, ninhBinh, "VN-18", hanoi, "VN-HN", "LIKELY_DUPLICATE");
        EventFeed.awaitProjected(store);

        // two matters so far: Hà Nội with Ninh Bình in March, Hải Phòng alone in April
        assertThat(figure("from=2009-03-01&to=2009-04-30", "cases.received")).isEqualTo(3);
        assertThat(figure("from=2009-03-01&to=2009-04-30", "cases.matters_received")).isEqualTo(2);
        assertThat(figure("from=2009-04-01&to=2009-04-30", "cases.matters_received")).isEqualTo(1);

        // the late link joins Hải Phòng's filing to the March matter: April's count goes back to 0
        link(feed, haiPhong, "VN-HP", ninhBinh, "VN-18", "MASS_CASE");
        EventFeed.awaitProjected(store);
        assertThat(figure("from=2009-03-01&to=2009-04-30", "cases.received")).isEqualTo(3);
        assertThat(figure("from=2009-03-01&to=2009-04-30", "cases.matters_received")).isEqualTo(1);
        assertThat(figure("from=2009-04-01&to=2009-04-30", "cases.matters_received")).isZero();
        for (String province : List.of("VN-HN", "VN-18", "VN-HP")) {
            assertThat(figure("from=2009-03-01&to=2009-04-30&province=" + province, "cases.matters_received"))
                    .as(province).isEqualTo(1);
            assertThat(figure("from=2009-03-01&to=2009-04-30&province=" + province, "cases.received"))
                    .as(province).isEqualTo(1);
        }

        // a link sent again, the other way round, changes nothing
        link(feed, hanoi, "VN-HN", ninhBinh, "VN-18", "DUPLICATE");
        EventFeed.awaitProjected(store);
        assertThat(figure("from=2009-03-01&to=2009-04-30", "cases.matters_received")).isEqualTo(1);

        JsonPath drill = given().get("/api/v1/reports/drill-down?figure=cases.matters_received"
                + "&from=2009-03-01&to=2009-04-30").then().statusCode(200).extract().jsonPath();
        assertThat(drill.getList("recordIds")).hasSize(1);
        assertThat(drill.getList("matters[0].filings.caseId")).containsExactly(hanoi.toString(),
                ninhBinh.toString(), haiPhong.toString());
        assertThat(drill.getList("matters[0].filings.provinceCode")).containsExactly("VN-HN", "VN-18", "VN-HP");
    }

    @Test
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void pauseResumeAndWithdrawalAreCounted() {
        EventFeed feed = new EventFeed(mapper);
        UUID id = UUID.randomUUID();
        String hn = "VN-HN";
        received(feed, id, hn, "BTCD-HN", LocalDate.parse("2009-06-01"));
        feed.send(EventTypes.CASE_ACCEPTED, id, Map.of("caseId", id, "version", 2L, "occurredAt",
                EventFeed.at(LocalDate.parse("2009-06-02")), "provinceCode", hn, "kind", "DENUNCIATION",
                "handlingBodyCode", "TTTP-HN", "acceptedOn", LocalDate.parse("2009-06-02"),
                "dueOn", LocalDate.parse("2009-08-01")));
        feed.send(EventTypes.CASE_PAUSED, id, Map.of("caseId", id, "version", 3L, "occurredAt",
                EventFeed.at(LocalDate.parse("2009-06-10")), "provinceCode", hn, "handlingBodyCode", "TTTP-HN",
                "pausedOn", LocalDate.parse("2009-06-10"), "clockStopped", true));
        EventFeed.awaitProjected(store);
        // paused with the clock stopped: no deadline runs, so the case cannot be overdue now
        assertThat(dueOn(id)).isNull();

        feed.send(EventTypes.CASE_RESUMED, id, Map.of("caseId", id, "version", 4L, "occurredAt",
                EventFeed.at(LocalDate.parse("2009-06-20")), "provinceCode", hn, "resumedOn",
                LocalDate.parse("2009-06-20"), "deadlineShiftedByDays", 10L,
                "resolutionDueOn", LocalDate.parse("2009-08-11")));
        feed.send(EventTypes.CASE_DENOUNCER_NOTIFIED, id, Map.of("caseId", id, "version", 5L, "occurredAt",
                EventFeed.at(LocalDate.parse("2009-06-21")), "provinceCode", hn, "notifiedOn",
                LocalDate.parse("2009-06-21"), "onTime", true));
        feed.send(EventTypes.CASE_WITHDRAWN, id, Map.of("caseId", id, "version", 6L, "occurredAt",
                EventFeed.at(LocalDate.parse("2009-06-25")), "provinceCode", hn, "scope", "PART",
                "withdrawnOn", LocalDate.parse("2009-06-25")));
        EventFeed.awaitProjected(store);
        assertThat(dueOn(id)).isEqualTo("2009-08-11");

        feed.send(EventTypes.CASE_CLOSED, id, Map.of("caseId", id, "version", 7L, "occurredAt",
                EventFeed.at(LocalDate.parse("2009-07-01")), "provinceCode", hn, "closureReason", "WITHDRAWN",
                "closedOn", LocalDate.parse("2009-07-01")));
        feed.send(EventTypes.CASE_WITHDRAWN, id, Map.of("caseId", id, "version", 7L, "occurredAt",
                EventFeed.at(LocalDate.parse("2009-07-01")), "provinceCode", hn, "scope", "WHOLE",
                "withdrawnOn", LocalDate.parse("2009-07-01")));
        EventFeed.awaitProjected(store);

        String period = "from=2009-06-01&to=2009-07-31&province=VN-HN";
        assertThat(figure(period, "cases.paused")).isEqualTo(1);
        assertThat(figure(period, "cases.partly_withdrawn")).isEqualTo(1);
        assertThat(figure(period, "cases.withdrawn")).isEqualTo(1);
        assertThat(figure("from=2009-07-01&to=2009-07-31&province=VN-HN", "cases.withdrawn")).isEqualTo(1);
        assertThat(open(id)).isFalse();
    }

    private static void received(EventFeed feed, UUID id, String province, String body, LocalDate on) {
        feed.send(EventTypes.CASE_RECEIVED, id, Map.of("caseId", id, "version", 1L, "occurredAt", EventFeed.at(on),
                "provinceCode", province, "receivingBodyCode", body, "channel", "LETTER", "receivedOn", on,
                "complainantCount", 1));
    }

    private static void link(EventFeed feed, UUID caseId, String province, UUID other, String otherProvince,
            String kind) {
        UUID linkId = CaseLinked.linkIdOf(caseId, other);
        feed.send(EventTypes.CASE_LINKED, linkId, Map.of("linkId", linkId, "version", 1L, "occurredAt",
                EventFeed.at(LocalDate.parse("2009-05-01")), "caseId", caseId, "provinceCode", province,
                "links", List.of(new CaseLinked.Link(other, otherProvince, kind))));
    }

    private static long figure(String query, String code) {
        return given().get("/api/v1/reports/summary?" + query).then().statusCode(200).extract().jsonPath()
                .getLong("figures.find { it.figure == '" + code + "' }.value");
    }

    private String dueOn(UUID id) {
        return caseState(id, "due_on::text");
    }

    private boolean open(UUID id) {
        return Boolean.parseBoolean(caseState(id, "open::text"));
    }

    private String caseState(UUID id, String column) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select " + column + " from case_state where case_id = ?")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

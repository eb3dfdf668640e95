package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.inspection.support.Requests;
import vn.inspectorate.inspection.support.TopicReader;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.testsupport.AsyncApiSchemas;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Next year's plans of two provinces (Ha Noi, Ho Chi Minh City) and of the Government Inspectorate: conflicts are found
 * nationally, block approval until settled by the right people, and every approval is an event. Each step runs as the
 * identity that would take it.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanOverlapTest {

    static final int YEAR = VietnamTime.today().getYear() + 1;
    static String hnPlan;
    static String sgPlan;
    static String centralPlan;
    static String hnEnterpriseItem;
    static String hnPublicBodyItem;

    @Inject
    EntityManager em;

    @Test
    @Order(1)
    @TestSecurity(user = "hn-head", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = {@Claim(key = "province", value = "VN-HN"), @Claim(key = "plan_approver", value = "true")})
    void haNoiDraftsItsPlanWithoutConflicts() {
        hnPlan = createPlan("TTT-HN", YEAR, 201);
        assertThat(createPlan("TTT-HN", YEAR, 200)).as("the (body, year) natural key answers the original").isEqualTo(hnPlan);
        hnEnterpriseItem = addItem(hnPlan, Requests.entity("PL-E1", "ENTERPRISE", "VN-HN"), "LAND", YEAR + "-03-01")
                .then().statusCode(201).body("conflicts", empty()).extract().path("id");
        hnPublicBodyItem = addItem(hnPlan, Requests.entity("PL-P1", "PUBLIC_BODY", "VN-HN"), "PUBLIC_DUTIES",
                YEAR + "-05-01").then().statusCode(201).body("conflicts", empty()).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("bodyCode", "TTT-HN", "year", YEAR - 2))
                .post("/api/v1/inspection-plans").then().statusCode(422).body("errors[0].field", equalTo("year"));
        given().contentType(ContentType.JSON).body(Map.of("bodyCode", "TTT-XX", "year", YEAR))
                .post("/api/v1/inspection-plans").then().statusCode(422).body("errors[0].field", equalTo("bodyCode"));
        given().contentType(ContentType.JSON).body(Map.of("bodyCode", "TTT-SG", "year", YEAR))
                .post("/api/v1/inspection-plans").then().statusCode(403);
        addItem(hnPlan, Requests.entity("PL-E9", "ENTERPRISE", "VN-HN"), "LAND", (YEAR + 1) + "-01-10")
                .then().statusCode(422).body("errors[0].field", equalTo("plannedStart"));
        addItem(hnPlan, Requests.entity("PL-E8", "ENTERPRISE", "VN-SG"), "LAND", YEAR + "-01-10")
                .then().statusCode(422).body("errors[0].field", equalTo("entity.provinceCode"));
        given().get("/api/v1/inspection-plans/{id}", hnPlan).then().statusCode(200).body("inspections", hasSize(2));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "province-sg", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-SG"))
    void hoChiMinhCitySubmitsAndCannotApproveAsASystem() {
        sgPlan = createPlan("TTT-SG", YEAR, 201);
        addItem(sgPlan, Requests.entity("PL-E3", "ENTERPRISE", "VN-SG"), "CONSTRUCTION", YEAR + "-04-01")
                .then().statusCode(201).body("conflicts", empty());
        given().post("/api/v1/inspection-plans/{id}/submission", sgPlan).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        given().post("/api/v1/inspection-plans/{id}/approval", sgPlan).then().statusCode(403);
        given().get("/api/v1/inspection-plans/{id}", hnPlan).then().statusCode(404);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "sg-head", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = {@Claim(key = "province", value = "VN-SG"), @Claim(key = "plan_approver", value = "true")})
    void hoChiMinhCityHeadApproves() {
        given().post("/api/v1/inspection-plans/{id}/approval", sgPlan).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedBy", equalTo("sg-head"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "ttcp-head", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = {@Claim(key = "agency", value = "TTCP"), @Claim(key = "plan_approver", value = "true")})
    void centralPlanCollidesWithBothProvinces() {
        centralPlan = createPlan("TTCP", YEAR, 201);
        addItem(centralPlan, Requests.entity("PL-E1", "ENTERPRISE", "VN-HN"), "LAND", YEAR + "-06-01")
                .then().statusCode(201)
                .body("conflicts", hasSize(2))
                .body("conflicts.rule", containsInAnyOrder("SAME_SUBJECT_SAME_YEAR", "ENTERPRISE_ONCE_A_YEAR"))
                .body("conflicts.conflictingBodyCode", everyItem(equalTo("TTT-HN")))
                .body("conflicts.conflictingPlanId", everyItem(equalTo(hnPlan)))
                .body("conflicts.conflictingStart", everyItem(equalTo(YEAR + "-03-01")));
        addItem(centralPlan, Requests.entity("PL-E3", "ENTERPRISE", "VN-SG"), "FINANCE", YEAR + "-07-01")
                .then().statusCode(201)
                .body("conflicts", hasSize(1))
                .body("conflicts[0].rule", equalTo("ENTERPRISE_ONCE_A_YEAR"))
                .body("conflicts[0].conflictingBodyCode", equalTo("TTT-SG"));
        given().post("/api/v1/inspection-plans/{id}/submission", centralPlan).then().statusCode(200);
        given().post("/api/v1/inspection-plans/{id}/approval", centralPlan).then().statusCode(409)
                .body("type", equalTo("https://inspectorate.gov.vn/problems/overlap-unsettled"))
                .body("conflicts", hasSize(3));
        given().post("/api/v1/inspection-plans/{id}/submission", centralPlan).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "hn-head", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = {@Claim(key = "province", value = "VN-HN"), @Claim(key = "plan_approver", value = "true")})
    void haNoiIsBlockedUntilItSettles() {
        given().post("/api/v1/inspection-plans/{id}/submission", hnPlan).then().statusCode(200);
        List<String> conflicts = given().post("/api/v1/inspection-plans/{id}/approval", hnPlan).then().statusCode(409)
                .body("conflicts.conflictingBodyCode", everyItem(equalTo("TTT-HN")))
                .body("conflicts.sourceBodyCode", everyItem(equalTo("TTCP")))
                .extract().path("conflicts.id");
        assertThat(conflicts).hasSize(2);
        given().queryParam("year", YEAR).queryParam("province", "VN-HN").get("/api/v1/overlaps").then()
                .statusCode(200).body("total", equalTo(2)).body("unsettled", equalTo(2));
        given().queryParam("year", YEAR).queryParam("province", "VN-SG").get("/api/v1/overlaps").then()
                .statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("proceedingBodyCode", "TTT-SG", "note", "x"))
                .post("/api/v1/overlaps/{id}/settlement", conflicts.get(0)).then().statusCode(422)
                .body("errors[0].field", equalTo("proceedingBodyCode"));
        for (String conflict : conflicts) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("proceedingBodyCode", "TTT-HN", "note", "Agreed with the Government Inspectorate"))
                    .post("/api/v1/overlaps/{id}/settlement", conflict).then().statusCode(200)
                    .body("settled", equalTo(true)).body("settledBy", equalTo("hn-head"));
        }
        given().post("/api/v1/inspection-plans/{id}/approval", hnPlan).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().queryParam("year", YEAR).get("/api/v1/overlaps").then().statusCode(200)
                .body("province", equalTo("VN-HN")).body("unsettled", equalTo(0));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "hn-inspector", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void anInspectorWithoutTheApproverClaimCannotAmend() {
        given().contentType(ContentType.JSON).body(Map.of("reason", "r", "withdraw", List.of(hnPublicBodyItem)))
                .post("/api/v1/inspection-plans/{id}/amendments", hnPlan).then().statusCode(403);
    }

    @Test
    @Order(7)
    @TestSecurity(user = "ttcp-head", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = {@Claim(key = "agency", value = "TTCP"), @Claim(key = "plan_approver", value = "true")})
    void theSuperiorInspectorateSettlesAndApproves() {
        String conflict = given().post("/api/v1/inspection-plans/{id}/approval", centralPlan).then().statusCode(409)
                .body("conflicts", hasSize(1)).body("conflicts[0].conflictingBodyCode", equalTo("TTT-SG"))
                .extract().path("conflicts[0].id");
        given().contentType(ContentType.JSON).body(Map.of("proceedingBodyCode", "TTCP", "note", "Finance audit first"))
                .post("/api/v1/overlaps/{id}/settlement", conflict).then().statusCode(200)
                .body("proceedingBodyCode", equalTo("TTCP"));
        given().post("/api/v1/inspection-plans/{id}/approval", centralPlan).then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("inspections.status", containsInAnyOrder("WITHDRAWN", "PLANNED"));
        given().get("/api/v1/inspection-plans/{id}", sgPlan).then().statusCode(200)
                .body("inspections[0].status", equalTo("WITHDRAWN"));
    }

    @Test
    @Order(8)
    @TestSecurity(user = "hn-head", roles = Roles.INSPECTOR)
    @OidcSecurity(claims = {@Claim(key = "province", value = "VN-HN"), @Claim(key = "plan_approver", value = "true")})
    void haNoiAmendsAndOpensAPlannedInspection() {
        given().contentType(ContentType.JSON).body(Map.of("reason", "Public body merged into another",
                        "withdraw", List.of(hnPublicBodyItem),
                        "add", List.of(Map.of("entity", Requests.entity("PL-E4", "ENTERPRISE", "VN-HN"),
                                "subject", "HEALTH", "type", "INSPECTION", "plannedStart", YEAR + "-09-01",
                                "durationDays", 30))))
                .post("/api/v1/inspection-plans/{id}/amendments", hnPlan).then().statusCode(201)
                .body("status", equalTo("AMENDED"))
                .body("amendments", hasSize(1))
                .body("amendments[0].number", equalTo(1))
                .body("amendments[0].decidedBy", equalTo("hn-head"))
                .body("inspections.status", hasItem("WITHDRAWN"))
                .body("inspections.addedByAmendment", hasItem(1));
        var open = Requests.open("TTT-HN", "PL-QD-1", YEAR + "-03-01", "INSPECTION", "LAND",
                Requests.entity("PL-E1", "ENTERPRISE", "VN-HN"), Map.of("plannedInspectionId", hnEnterpriseItem));
        String inspection = given().contentType(ContentType.JSON).body(open).post("/api/v1/inspections").then()
                .statusCode(201).body("planned", equalTo(true)).body("planId", equalTo(hnPlan))
                .body("dueOn", equalTo(YEAR + "-04-15")).extract().path("id");
        var again = Requests.open("TTT-HN", "PL-QD-2", YEAR + "-03-02", "INSPECTION", "LAND",
                Requests.entity("PL-E1", "ENTERPRISE", "VN-HN"), Map.of("plannedInspectionId", hnEnterpriseItem));
        given().contentType(ContentType.JSON).body(again).post("/api/v1/inspections").then().statusCode(409);
        given().contentType(ContentType.JSON).body(open).post("/api/v1/inspections").then().statusCode(200)
                .body("id", equalTo(inspection));
    }

    @Test
    @Order(9)
    void approvalsAndOverlapsAreEventsOnTheTopic() {
        Set<String> plans = Set.of(hnPlan, sgPlan, centralPlan);
        List<JsonNode> approved = TopicReader.read(Topics.INSPECTIONS,
                e -> EventTypes.INSPECTION_PLAN_APPROVED.equals(e.path("type").asText())
                        && plans.contains(e.path("subject").asText()),
                found -> found.size() >= 3, Duration.ofSeconds(30));
        Map<String, Integer> counts = approved.stream().collect(Collectors.toMap(
                e -> e.path("data").path("issuingBodyCode").asText(), e -> e.path("data").path("inspectionCount").asInt()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("TTT-HN", 2, "TTT-SG", 1, "TTCP", 1));
        assertThat(approved).allSatisfy(e -> assertThat(AsyncApiSchemas.validate(e)).isEmpty());
        assertThat(approved.stream().filter(e -> e.path("data").path("issuingBodyCode").asText().equals("TTCP")))
                .allSatisfy(e -> assertThat(e.path("data").has("provinceCode")).isFalse());

        List<JsonNode> overlaps = TopicReader.read(Topics.INSPECTIONS,
                e -> EventTypes.INSPECTION_OVERLAP_DETECTED.equals(e.path("type").asText())
                        && e.path("data").path("inspectedEntityCode").asText().startsWith("PL-E"),
                found -> found.size() >= 2, Duration.ofSeconds(30));
        assertThat(overlaps).hasSize(2);
        assertThat(overlaps).allSatisfy(e -> assertThat(AsyncApiSchemas.validate(e)).isEmpty());
        assertThat(overlaps.stream().map(e -> e.path("data").path("rule").asText()))
                .containsExactlyInAnyOrder("ENTERPRISE_ONCE_A_YEAR,SAME_SUBJECT_SAME_YEAR", "ENTERPRISE_ONCE_A_YEAR");
    }

    @Test
    @Order(10)
    void theNationalCheckUsesTheEntityYearIndexes() {
        // twenty thousand plan items of another province, then the check's lookup as the planner sees it; rolled back
        String plan;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("""
                        insert into inspected_entity (code, kind, name, province_code)
                        select 'LOAD-' || g, 'ENTERPRISE', 'Load ' || g, 'VN-DN' from generate_series(1, 20000) g""")
                        .executeUpdate();
                em.createNativeQuery("""
                        insert into inspection_plan (id, body_code, province_code, plan_year, status, version, created_by,
                                                     created_at)
                        values ('00000000-0000-0000-0000-00000000abcd', 'TTT-48', 'VN-DN', 2031, 'DRAFT', 1, 'load', now())""")
                        .executeUpdate();
                em.createNativeQuery("""
                        insert into planned_inspection (id, plan_id, body_code, responsible_body_code, plan_year,
                            entity_code, subject, inspection_type, planned_start, duration_days, status, created_at)
                        select gen_random_uuid(), '00000000-0000-0000-0000-00000000abcd', 'TTT-48', 'TTT-48', 2031,
                            'LOAD-' || g, 'LAND', 'INSPECTION', date '2031-03-01', 30, 'PLANNED', now()
                        from generate_series(1, 20000) g""").executeUpdate();
                em.createNativeQuery("analyze planned_inspection").executeUpdate();
                @SuppressWarnings("unchecked")
                List<String> planned = em.createNativeQuery("""
                        explain select p.id from planned_inspection p
                        where p.entity_code = 'LOAD-77' and p.plan_year = 2031 and p.status = 'PLANNED'""")
                        .getResultList();
                em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
                @SuppressWarnings("unchecked")
                List<String> inspections = em.createNativeQuery("""
                        explain select i.id from inspection i where i.entity_code = 'LOAD-77' and i.inspection_year = 2031""")
                        .getResultList();
                throw new ExplainedThenRolledBack(String.join("\n", planned) + "\n" + String.join("\n", inspections));
            });
            throw new AssertionError("the load transaction must roll back");
        } catch (ExplainedThenRolledBack done) {
            plan = done.getMessage();
        }
        assertThat(plan).contains("planned_inspection_entity_year").contains("inspection_entity_year")
                .doesNotContain("Seq Scan");
        assertThat(em.createNativeQuery("select count(*) from planned_inspection where entity_code like 'LOAD-%'")
                .getSingleResult()).isEqualTo(0L);
    }

    /** Carries the plans out of the load transaction, which it rolls back. */
    static final class ExplainedThenRolledBack extends RuntimeException {
        ExplainedThenRolledBack(String plans) {
            super(plans, null, false, false);
        }
    }

    private static String createPlan(String body, int year, int status) {
        return given().contentType(ContentType.JSON).body(Map.of("bodyCode", body, "year", year))
                .post("/api/v1/inspection-plans").then().statusCode(status).body("status", equalTo("DRAFT"))
                .extract().path("id");
    }

    private static io.restassured.response.Response addItem(String plan, Map<String, Object> entity, String subject,
            String start) {
        return given().contentType(ContentType.JSON).body(Map.of("entity", entity, "subject", subject,
                        "type", "INSPECTION", "plannedStart", start, "durationDays", 45))
                .post("/api/v1/inspection-plans/{id}/inspections", plan);
    }
}

package vn.inspectorate.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.inspection.support.Requests;
import vn.inspectorate.inspection.support.TopicReader;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.testsupport.AsyncApiSchemas;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Seed 001: a province's first quarter of 2024 as its report states it (17 administrative inspections, 9 conclusions
 * covering 12 units, 576 million VND of violations, more than 500 million recommended for recovery, 8 organisations and
 * 9 individuals held responsible, 36 specialized inspections), built through the API. The events read back from the
 * real topics must add up to exactly those figures and match the AsyncAPI schemas.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class Seed001QuarterTest {

    private static final String PROVINCE = "VN-56";
    private static final List<Long> VIOLATIONS = List.of(120_000_000L, 95_500_000L, 80_250_000L, 70_000_000L,
            60_000_000L, 50_000_000L, 45_250_000L, 30_000_000L, 25_000_000L);
    private static final List<Long> RECOVERIES = List.of(110_000_000L, 90_000_000L, 75_000_000L, 65_000_000L,
            55_000_000L, 45_000_000L, 40_000_000L, 20_000_000L, 12_345_678L);
    private static final List<Integer> UNITS = List.of(2, 2, 2, 1, 1, 1, 1, 1, 1);
    private static final List<Integer> ORGANISATIONS = List.of(1, 1, 1, 1, 1, 1, 1, 1, 0);
    private static final List<Integer> INDIVIDUALS = List.of(2, 1, 1, 1, 1, 1, 1, 1, 0);
    private static final List<String> SPECIALIZED_SUBJECTS = List.of("CONSTRUCTION_INVESTMENT", "PRINTING_PUBLISHING",
            "DISEASE_PREVENTION");

    @Test
    @TestSecurity(user = "province-bn", roles = Roles.PROVINCIAL_SYSTEM)
    @OidcSecurity(claims = @Claim(key = "province", value = PROVINCE))
    void firstQuarterOf2024AddsUpOnTheTopic() {
        List<String> administrative = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            String body = i % 3 == 0 ? "TTH-BN-TS" : "TTT-BN";
            administrative.add(open(body, "QD-ADM-" + i, "2024-01-%02d".formatted(2 + i), "ADMINISTRATIVE",
                    "PUBLIC_DUTIES", Requests.entity("BN-PB-" + i, "PUBLIC_BODY", PROVINCE)));
        }
        for (int i = 1; i <= 36; i++) {
            String body = i % 4 == 0 ? "TTH-BN-TS" : "TTT-BN";
            open(body, "QD-SPEC-" + i, "2024-02-%02d".formatted(1 + i % 28), "SPECIALIZED",
                    SPECIALIZED_SUBJECTS.get(i % 3), Requests.entity("BN-ENT-" + i, "ENTERPRISE", PROVINCE));
        }
        for (int c = 0; c < 9; c++) {
            String id = administrative.get(c);
            given().contentType(ContentType.JSON).body(Map.of("startedOn", "2024-01-20"))
                    .post("/api/v1/inspections/{id}/start", id).then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("submittedOn", "2024-02-20"))
                    .post("/api/v1/inspections/{id}/report", id).then().statusCode(200);
            given().contentType(ContentType.JSON)
                    .body(Requests.conclusion("KL-" + (c + 1), "2024-03-0" + (c + 1), UNITS.get(c),
                            List.of(VIOLATIONS.get(c)), List.of(RECOVERIES.get(c)), ORGANISATIONS.get(c),
                            INDIVIDUALS.get(c), Map.of()))
                    .post("/api/v1/inspections/{id}/conclusion", id).then().statusCode(201)
                    .body("status", org.hamcrest.Matchers.equalTo("CONCLUDED"));
        }

        List<JsonNode> events = TopicReader.read(Topics.INSPECTIONS,
                e -> PROVINCE.equals(e.path("data").path("provinceCode").asText()),
                found -> count(found, EventTypes.INSPECTION_OPENED) >= 53
                        && count(found, EventTypes.INSPECTION_CONCLUDED) >= 9, Duration.ofSeconds(60));

        List<JsonNode> opened = ofType(events, EventTypes.INSPECTION_OPENED);
        List<JsonNode> concluded = ofType(events, EventTypes.INSPECTION_CONCLUDED);
        assertThat(opened.stream().filter(e -> e.path("data").path("inspectionType").asText().equals("ADMINISTRATIVE")))
                .hasSize(17);
        assertThat(opened.stream().filter(e -> e.path("data").path("inspectionType").asText().equals("SPECIALIZED")))
                .hasSize(36);
        assertThat(concluded).hasSize(9);
        assertThat(sumLong(concluded, "violationsVnd")).isEqualTo(576_000_000L);
        long recovery = sumLong(concluded, "recoveryRecommendedVnd");
        assertThat(recovery).isEqualTo(512_345_678L).isGreaterThan(500_000_000L);
        assertThat(sumLong(concluded, "unitsCovered")).isEqualTo(12);
        assertThat(sumLong(concluded, "responsibleOrganisationsCount")).isEqualTo(8);
        assertThat(sumLong(concluded, "responsibleIndividualsCount")).isEqualTo(9);
        assertThat(concluded).allSatisfy(e -> {
            assertThat(e.path("data").path("inspectionType").asText()).isEqualTo("ADMINISTRATIVE");
            assertThat(e.path("subject").asText()).isEqualTo(e.path("data").path("inspectionId").asText());
        });
        assertThat(events).allSatisfy(e -> assertThat(AsyncApiSchemas.validate(e)).as(e.toString()).isEmpty());

        List<JsonNode> published = TopicReader.read(Topics.PUBLIC,
                e -> EventTypes.PUBLIC_INSPECTION_CONCLUDED.equals(e.path("type").asText())
                        && PROVINCE.equals(e.path("data").path("provinceCode").asText()),
                found -> found.size() >= 9, Duration.ofSeconds(30));
        assertThat(published).hasSize(9);
        assertThat(sumLong(published, "violationsVnd")).isEqualTo(576_000_000L);
        assertThat(sumLong(published, "recoveryRecommendedVnd")).isEqualTo(512_345_678L);
        assertThat(published).allSatisfy(e -> {
            assertThat(AsyncApiSchemas.validate(e)).as(e.toString()).isEmpty();
            assertThat(e.path("data").has("inspectedEntityCode")).isFalse();
        });
    }

    private static String open(String body, String decision, String date, String type, String subject,
            Map<String, Object> entity) {
        return given().contentType(ContentType.JSON)
                .body(Requests.open(body, decision, date, type, subject, entity, Map.of()))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
    }

    private static long count(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).count();
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }

    private static long sumLong(List<JsonNode> events, String field) {
        long total = 0;
        for (JsonNode e : events) {
            total = Math.addExact(total, e.path("data").path(field).asLong());
        }
        return total;
    }
}

package vn.inspectorate.complaints.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.get;
import static vn.inspectorate.complaints.Cases.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.complaints.Cases;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.cases.CaseLinked;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DuplicateAndMassCaseTest {

    static final String RESPONDENT = "RESP-" + UUID.randomUUID();
    static final Map<String, Object> PERSON = Cases.person("Tran Thi Duplicate " + UUID.randomUUID());
    static final LocalDate DAY = LocalDate.of(2026, 5, 4);
    static String hanoiCase;

    static Map<String, Object> matter(LocalDate on, String subject) {
        Map<String, Object> body = complaint(on);
        body.put("complainant", PERSON);
        body.put("subject", subject);
        return body;
    }

    @Test
    @Order(1)
    @TestSecurity(user = "hn-portal", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void theFirstLetterIsFiledInHanoi() {
        Map<String, Object> body = matter(DAY, "Compensation for land recovery in Dong Anh district is too low");
        body.put("respondentCode", RESPONDENT);
        hanoiCase = post(body).statusCode(201).body("likelyDuplicates", empty()).extract().path("id");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "sg-portal", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-SG"))
    void theSamePersonAndMatterInAnotherProvinceIsLinkedNotDropped() {
        Map<String, Object> same = matter(DAY.plusDays(20), "Land recovery compensation in Dong Anh district too low");
        same.put("provinceCode", "VN-SG");
        String id = post(same).statusCode(201).body("likelyDuplicates", contains(hanoiCase)).extract().path("id");
        get(id).statusCode(200).body("status", equalTo("RECEIVED"));

        Map<String, Object> otherMatter = matter(DAY.plusDays(20), "Noise from a karaoke bar at night");
        otherMatter.put("provinceCode", "VN-SG");
        post(otherMatter).statusCode(201).body("likelyDuplicates", empty());

        Map<String, Object> tooLate = matter(DAY.minusDays(181),
                "Compensation for land recovery in Dong Anh district is too low");
        tooLate.put("provinceCode", "VN-SG");
        post(tooLate).statusCode(201).body("likelyDuplicates", empty());

        Map<String, Object> otherPersonSameRespondent = complaint(DAY.plusDays(3));
        otherPersonSameRespondent.put("provinceCode", "VN-SG");
        otherPersonSameRespondent.put("respondentCode", RESPONDENT);
        otherPersonSameRespondent.put("subject", "Compensation for land recovery in Dong Anh district too low");
        post(otherPersonSameRespondent).statusCode(201).body("likelyDuplicates", contains(hanoiCase));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "hn-portal", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void theFirstCaseSeesItsLinksToo() {
        List<String> links = get(hanoiCase).statusCode(200).extract().path("likelyDuplicates");
        assertThat(links).hasSize(2);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "hn-portal", roles = "provincial-system")
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void fiveComplainantsMakeAMassCase() {
        Map<String, Object> mass = complaint(DAY);
        mass.put("complainantCount", 5);
        mass.put("representatives", List.of(Cases.person("Rep One"), Cases.person("Rep Two")));
        String id = post(mass).statusCode(201).body("mass", equalTo(true)).body("representativeCount", equalTo(2))
                .extract().path("id");
        Map<String, Object> small = complaint(DAY);
        small.put("complainantCount", 4);
        post(small).statusCode(201).body("mass", equalTo(false));
        var received = KafkaEvents.await(Topics.CASES, id, e -> !e.isEmpty()).get(0);
        assertThat(received.path("data").path("mass").asBoolean()).isTrue();
        assertThat(received.path("data").path("complainantCount").asInt()).isEqualTo(5);
        Map<String, Object> tooMany = complaint(DAY);
        tooMany.put("representatives", List.of(Cases.person("a"), Cases.person("b"), Cases.person("c"),
                Cases.person("d"), Cases.person("e"), Cases.person("f")));
        post(tooMany).statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("representatives"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
    @OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
    void theLinkedCaseOfAnotherProvinceShowsItsSummaryNeverItsParties() {
        var view = get(hanoiCase).statusCode(200).extract().jsonPath();
        List<Map<String, Object>> links = view.getList("links");
        assertThat(links).hasSize(2);
        assertThat(links).allSatisfy(link -> {
            assertThat(link).containsOnlyKeys("id", "sourceSystem", "caseNumber", "provinceCode", "status",
                    "handlingBodyCode", "receivingBodyCode", "receivedOn", "reasons");
            assertThat(link.get("provinceCode")).isEqualTo("VN-SG");
            assertThat(link.get("status")).isEqualTo("RECEIVED");
            assertThat((String) link.get("caseNumber")).startsWith("ref-");
        });
        assertThat(links.stream().map(l -> l.get("id")).toList())
                .containsExactlyInAnyOrderElementsOf(view.getList("likelyDuplicates"));
        String linked = (String) links.get(0).get("id");
        assertThat(get(hanoiCase).extract().asString()).doesNotContain((String) PERSON.get("fullName"));
        // the other province's case itself stays out of reach
        get(linked).statusCode(404);

        // the links found when filing are one event of the later filing, naming both cases and provinces
        List<JsonNode> linkEvents = KafkaEvents.await(Topics.CASES, linked,
                e -> KafkaEvents.types(e).contains(EventTypes.CASE_LINKED)).stream()
                .filter(e -> EventTypes.CASE_LINKED.equals(e.path("type").asText())).toList();
        assertThat(linkEvents).hasSize(1);
        JsonNode event = linkEvents.get(0);
        assertThat(event.path("data").path("caseId").asText()).isEqualTo(linked);
        assertThat(event.path("data").path("provinceCode").asText()).isEqualTo("VN-SG");
        assertThat(event.path("data").path("links")).hasSize(1);
        JsonNode link = event.path("data").path("links").get(0);
        assertThat(link.path("linkedCaseId").asText()).isEqualTo(hanoiCase);
        assertThat(link.path("linkedProvinceCode").asText()).isEqualTo("VN-HN");
        assertThat(link.path("linkKind").asText()).isEqualTo("LIKELY_DUPLICATE");
        assertThat(event.path("data").path("linkId").asText())
                .isEqualTo(CaseLinked.filingLinksOf(UUID.fromString(linked)).toString());
        assertThat(event.toString()).doesNotContain((String) PERSON.get("fullName"), RESPONDENT);
    }
}

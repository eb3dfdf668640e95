package vn.inspectorate.complaints.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.inspectorate.complaints.Cases.command;
import static vn.inspectorate.complaints.Cases.complaint;
import static vn.inspectorate.complaints.Cases.create;
import static vn.inspectorate.complaints.Cases.denunciation;
import static vn.inspectorate.complaints.Cases.get;
import static vn.inspectorate.complaints.Cases.map;
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
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.KafkaEvents;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/** The kind intake proposes, and what an anonymous denunciation is worth as information. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "hn-officer", roles = {"provincial-system", "inspector"})
@OidcSecurity(claims = @Claim(key = "province", value = "VN-HN"))
class AdmissibilityTest {

    static final LocalDate RECEIVED = LocalDate.of(2026, 4, 1);

    static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
        body.putAll(map(keyValues));
        return body;
    }

    /** An anonymous denunciation naming the respondent, describing the violation and offering evidence. */
    static Map<String, Object> examinable() {
        Map<String, Object> body = with(denunciation(RECEIVED), "respondentCode", "CADASTRE-OFFICE-7",
                "summary", "The head of the office took money to speed up land-use certificates.",
                "evidenceOffered", true);
        body.remove("complainant");
        return body;
    }

    /** The details of the case's history entries of {@code command}, parsed. */
    static List<JsonNode> history(String id, String command) {
        List<Map<String, Object>> entries = given().get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return entries.stream().filter(e -> command.equals(e.get("command")))
                .map(e -> KafkaEvents.json((String) e.get("detail"))).toList();
    }

    @Test
    void aDecisionAffectingTheFilerIsProposedAsAComplaint() {
        String id = create(with(complaint(RECEIVED), "kind", "PETITION", "decisionLearnedOn", "2026-03-20",
                "respondentCode", "DISTRICT-PC"));
        get(id).statusCode(200).body("declaredKind", equalTo("PETITION"))
                .body("kindProposal.kind", equalTo("COMPLAINT"))
                .body("kindProposal.reasonCode", equalTo("DECISION_AFFECTING_FILER"))
                .body("kindProposal.reason", org.hamcrest.Matchers.containsString("review"))
                .body("kindProposal.reasonVi", org.hamcrest.Matchers.containsString("quyết định"));
        // the same decision said not to affect the filer: the named respondent makes it a denunciation
        String other = create(with(complaint(RECEIVED), "decisionLearnedOn", "2026-03-20",
                "affectsComplainant", false, "respondentCode", "DISTRICT-PC"));
        get(other).statusCode(200).body("kindProposal.kind", equalTo("DENUNCIATION"))
                .body("kindProposal.reasonCode", equalTo("VIOLATION_BY_NAMED_RESPONDENT"));
    }

    @Test
    void aNamedRespondentIsProposedAsADenunciationAndNeitherAsAPetition() {
        String denounced = create(with(complaint(RECEIVED), "respondentCode", "WARD-PC-3"));
        get(denounced).statusCode(200).body("kindProposal.kind", equalTo("DENUNCIATION"));
        String proposal = create(complaint(RECEIVED));
        get(proposal).statusCode(200).body("declaredKind", equalTo("COMPLAINT"))
                .body("kindProposal.kind", equalTo("PETITION"))
                .body("kindProposal.reasonCode", equalTo("PROPOSAL_OR_INFORMATION"));
        assertThat(history(proposal, "receive").get(0).path("proposedKind").asText()).isEqualTo("PETITION");
    }

    @Test
    void classifyingWithoutAKindConfirmsTheProposalAndTheHistoryKeepsBoth() {
        String confirmed = create(with(complaint(RECEIVED), "kind", "PETITION", "decisionLearnedOn", "2026-03-20"));
        command(confirmed, "classify", map()).statusCode(200).body("kind", equalTo("COMPLAINT"))
                .body("deadlines.acceptanceDueOn", org.hamcrest.Matchers.notNullValue());
        JsonNode detail = history(confirmed, "classify").get(0);
        assertThat(detail.path("proposedKind").asText()).isEqualTo("COMPLAINT");
        assertThat(detail.path("decidedKind").asText()).isEqualTo("COMPLAINT");
        assertThat(detail.path("proposalConfirmed").asBoolean()).isTrue();

        String changed = create(with(complaint(RECEIVED), "decisionLearnedOn", "2026-03-20"));
        command(changed, "classify", map("kind", "PETITION")).statusCode(200).body("kind", equalTo("PETITION"))
                .body("kindProposal.kind", equalTo("COMPLAINT"));
        detail = history(changed, "classify").get(0);
        assertThat(detail.path("proposedKind").asText()).isEqualTo("COMPLAINT");
        assertThat(detail.path("kindProposalReason").asText()).isEqualTo("DECISION_AFFECTING_FILER");
        assertThat(detail.path("decidedKind").asText()).isEqualTo("PETITION");
        assertThat(detail.path("proposalConfirmed").asBoolean()).isFalse();
    }

    @Test
    void anAnonymousDenunciationNamingThePersonTheViolationAndEvidenceIsInformationToExamine() {
        String id = create(examinable());
        get(id).statusCode(200).body("anonymous", equalTo(true))
                .body("informationAssessment.outcome", equalTo("TO_EXAMINE"))
                .body("informationAssessment.missing", empty())
                .body("informationToExamine", equalTo(false))
                .body("admissibilityFindings", contains("ANONYMOUS_DENUNCIATION"));
        command(id, "classify", map("kind", "DENUNCIATION")).statusCode(200)
                .body("kind", equalTo("REFLECTION")).body("informationOnly", equalTo(true))
                .body("informationToExamine", equalTo(true)).body("admissibilityFindings", empty());
        // accepted for examination as information: no denunciation clock, no denouncer to notify
        command(id, "accept", map("acceptedOn", "2026-04-02")).statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("kind", equalTo("REFLECTION"))
                .body("deadlines.resolutionDueOn", nullValue()).body("deadlines.notifyDenouncerDueOn", nullValue());
        List<JsonNode> events = KafkaEvents.await(Topics.CASES, id, e -> e.size() >= 3);
        assertThat(KafkaEvents.types(events)).containsExactly(EventTypes.CASE_RECEIVED, EventTypes.CASE_CLASSIFIED,
                EventTypes.CASE_ACCEPTED);
        assertThat(events.get(2).path("data").path("kind").asText()).isEqualTo("REFLECTION");
        assertThat(KafkaEvents.await(Topics.PUBLIC, id, e -> e.size() >= 3).get(2).path("data").path("status")
                .asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void anAnonymousDenunciationLackingAnyOfThemStaysInformationOnly() {
        Map<String, Object> noEvidence = examinable();
        noEvidence.remove("evidenceOffered");
        Map<String, Object> noPerson = examinable();
        noPerson.remove("respondentCode");
        Map<String, Object> noViolation = examinable();
        noViolation.remove("summary");
        Map<String, List<String>> lacking = Map.of("NO_EVIDENCE_OFFERED", List.of(create(noEvidence)),
                "NO_PERSON_NAMED", List.of(create(noPerson)), "NO_VIOLATION_DESCRIBED", List.of(create(noViolation)));
        lacking.forEach((gap, ids) -> {
            String id = ids.get(0);
            get(id).statusCode(200).body("informationAssessment.outcome", equalTo("INFORMATION_ONLY"))
                    .body("informationAssessment.missing", contains(gap));
            command(id, "classify", map("kind", "DENUNCIATION")).statusCode(200)
                    .body("informationOnly", equalTo(true)).body("informationToExamine", equalTo(false))
                    .body("admissibilityFindings", contains("ANONYMOUS_DENUNCIATION"));
            command(id, "accept", map("acceptedOn", "2026-04-02")).statusCode(409)
                    .body("type", equalTo("https://inspectorate.gov.vn/problems/information-only"));
            get(id).statusCode(200).body("status", equalTo("CLASSIFIED"));
            assertThat(history(id, "classify").get(0).path("informationMissing").get(0).asText()).isEqualTo(gap);
        });
    }

    @Test
    void onlyAnAnonymousDenunciationIsAssessedAsInformation() {
        Map<String, Object> identified = with(denunciation(RECEIVED), "respondentCode", "CADASTRE-OFFICE-7",
                "summary", "Money taken for certificates.", "evidenceOffered", true);
        String id = create(identified);
        get(id).statusCode(200).body("informationAssessment", nullValue());
        command(id, "classify", map("kind", "DENUNCIATION")).statusCode(200).body("kind", equalTo("DENUNCIATION"))
                .body("informationOnly", equalTo(false)).body("informationToExamine", equalTo(false));
        // an examinable anonymous letter classified as a petition is no denunciation, so not information
        String petition = create(examinable());
        command(petition, "classify", map("kind", "PETITION")).statusCode(200).body("kind", equalTo("PETITION"))
                .body("informationAssessment", nullValue()).body("informationToExamine", equalTo(false));
    }

    @Test
    void aRetryOfferingOtherEvidenceIsAConflict() {
        Map<String, Object> body = examinable();
        String id = create(body);
        post(body).statusCode(200).body("id", equalTo(id));
        body.put("evidenceOffered", false);
        post(body).statusCode(409).body("differingFields", contains("evidenceOffered"));
    }
}

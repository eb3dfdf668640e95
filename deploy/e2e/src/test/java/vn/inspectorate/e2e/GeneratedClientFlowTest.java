package vn.inspectorate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.client.ApiClient;
import vn.inspectorate.client.ApiException;
import vn.inspectorate.client.api.CaseIntakeApi;
import vn.inspectorate.client.api.CaseLifecycleApi;
import vn.inspectorate.client.api.CaseQueriesApi;
import vn.inspectorate.client.api.InspectionsApi;
import vn.inspectorate.client.model.CaseAccept;
import vn.inspectorate.client.model.CaseClassify;
import vn.inspectorate.client.model.CaseKind;
import vn.inspectorate.client.model.CaseStatus;
import vn.inspectorate.client.model.CaseSubmission;
import vn.inspectorate.client.model.CaseView;
import vn.inspectorate.client.model.Channel;
import vn.inspectorate.client.model.InspectedEntityInput;
import vn.inspectorate.client.model.InspectedEntityKind;
import vn.inspectorate.client.model.InspectionConclude;
import vn.inspectorate.client.model.InspectionConclusionItem;
import vn.inspectorate.client.model.InspectionStart;
import vn.inspectorate.client.model.InspectionStatus;
import vn.inspectorate.client.model.InspectionSubmitReport;
import vn.inspectorate.client.model.InspectionTeamMember;
import vn.inspectorate.client.model.InspectionType;
import vn.inspectorate.client.model.InspectionView;
import vn.inspectorate.client.model.OpenInspection;
import vn.inspectorate.client.model.PartyIdentity;

/**
 * What an integrator gets from the published contract: a Java client generated at build time from the committed merged
 * document ({@code contracts/src/main/resources/openapi/platform.yaml}) files a denunciation, opens an inspection from
 * it and concludes it, through the gateway; only the token is fetched by hand. A body, path or answer that the
 * document describes wrongly fails here as it would fail for the integrator.
 */
class GeneratedClientFlowTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final long VIOLATIONS_VND = 275_000_000L;

    private final String gateway = RunningPlatform.get().gatewayUrl();

    @Test
    void aDenunciationFiledWithTheGeneratedClientIsInspectedAndResolvedByTheConclusion() throws ApiException {
        LocalDate today = LocalDate.now(VIETNAM);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiClient province = client(RunningPlatform.clientToken("province-hn"));
        ApiClient inspector = client(RunningPlatform.userToken("inspector-hn"));

        CaseView filed = new CaseIntakeApi(province).fileCase(new CaseSubmission()
                .sourceSystem("hn-portal").sourceReference("e2e-client-" + suffix).provinceCode("VN-HN")
                .receivingBodyCode("HN-INSPECTORATE").channel(Channel.LETTER).kind(CaseKind.DENUNCIATION)
                .receivedOn(today).subject("Tố cáo cán bộ xã nhận tiền khi giao đất " + suffix)
                .complainant(new PartyIdentity().fullName("Trần Thị Khách").idNumber("001089000333")
                        .address("12 Hàng Bạc, Hoàn Kiếm")), null);
        assertThat(filed.getStatus()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(filed.getKind()).isEqualTo(CaseKind.DENUNCIATION);
        UUID caseId = filed.getId();

        CaseLifecycleApi lifecycle = new CaseLifecycleApi(inspector);
        assertThat(lifecycle.classifyCase(caseId, new CaseClassify().kind(CaseKind.DENUNCIATION), null).getStatus())
                .isEqualTo(CaseStatus.CLASSIFIED);
        assertThat(lifecycle.acceptCase(caseId, new CaseAccept().acceptedOn(today), null).getStatus())
                .isEqualTo(CaseStatus.ACCEPTED);

        InspectionsApi inspections = new InspectionsApi(inspector);
        OpenInspection opening = new OpenInspection().bodyCode("TTT-HN").decisionNumber("E2E-CLIENT-" + suffix)
                .decisionDate(today).legalBasis("Luật Thanh tra 11/2022, Điều 47; Luật Tố cáo 25/2018")
                .team(List.of(new InspectionTeamMember().name("Trưởng đoàn").role("LEAD"),
                        new InspectionTeamMember().name("Thành viên").role("MEMBER")))
                .type(InspectionType.fromValue("INSPECTION")).subject("PUBLIC_DUTIES")
                .entity(new InspectedEntityInput().code("E2E-CL-" + suffix).kind(InspectedEntityKind.PUBLIC_BODY)
                        .name("UBND xã " + suffix).provinceCode("VN-HN"))
                .caseIds(List.of(caseId));
        // the inspection service learns of the accepted case from its events; until then the opening is a 422
        InspectionView opened = untilAnswered("the inspection service knows case " + caseId,
                () -> inspections.openInspection(opening, null));
        assertThat(opened.getStatus()).isEqualTo(InspectionStatus.OPENED);
        assertThat(opened.getCaseIds()).containsExactly(caseId);
        UUID inspectionId = opened.getId();

        assertThat(inspections.startInspection(inspectionId, new InspectionStart().startedOn(today)).getStatus())
                .isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThat(inspections.submitInspectionReport(inspectionId, new InspectionSubmitReport().submittedOn(today))
                .getStatus()).isEqualTo(InspectionStatus.REPORT_SUBMITTED);
        InspectionView concluded = inspections.concludeInspection(inspectionId, new InspectionConclude()
                .conclusionNumber("KL-CLIENT-" + suffix).concludedOn(today)
                .assessment("Giao đất không qua đấu giá; nhận tiền khi giao đất.").unitsCovered(1)
                .items(List.of(new InspectionConclusionItem().subject("Giao đất").finding("Không qua đấu giá")
                        .violationsVnd(VIOLATIONS_VND).violationsLandM2(0L)))
                .published(false), null);
        assertThat(concluded.getStatus()).isEqualTo(InspectionStatus.CONCLUDED);
        assertThat(concluded.getConclusion().getViolationsVnd()).isEqualTo(VIOLATIONS_VND);

        // the conclusion reaches the complaints service through the events and resolves the case
        CaseQueriesApi cases = new CaseQueriesApi(inspector);
        CaseView resolved = Eventually.poll("case " + caseId + " resolved by inspection " + inspectionId, DEADLINE,
                () -> call(() -> cases.getCase(caseId)), c -> c.getStatus() == CaseStatus.RESOLVED);
        assertThat(resolved.getInspections()).containsExactly(inspectionId);
        assertThat(cases.getCase(caseId).getResolvedOn()).isEqualTo(today);
    }

    /** A client of the gateway for one principal: the base address and the bearer token are all it is told. */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** Repeats a call that the platform refuses with 422 until an event has arrived (or 429 while limited). */
    private static <T> T untilAnswered(String what, Call<T> call) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            try {
                return call.run();
            } catch (ApiException e) {
                boolean waiting = e.getCode() == 422 && e.getResponseBody() != null
                        && e.getResponseBody().contains("caseIds[0]") || e.getCode() == 429;
                if (!waiting || System.nanoTime() > end) {
                    throw new AssertionError(what + ": " + e.getCode() + " " + e.getResponseBody(), e);
                }
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws ApiException;
    }
}

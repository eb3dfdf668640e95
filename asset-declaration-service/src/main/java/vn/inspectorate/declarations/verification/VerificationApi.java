package vn.inspectorate.declarations.verification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.declarations.declarants.DeclarantApi;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class VerificationApi {

    /** {@code seed} may be given (to reproduce a draw); otherwise one is drawn and recorded. */
    @Schema(name = "DeclarationVerificationCreatePlan")
    public record CreatePlan(
            @NotBlank @Pattern(regexp = DeclarantApi.CODE_PATTERN) String agencyCode,
            @NotNull @Min(2000) @Max(2100) Integer year,
            Long seed) {
    }

    public record RequestVerification(@NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "DeclarationVerificationConclude")
    public record Conclude(
            @NotNull Verification.Conclusion conclusion,
            @NotBlank @Size(max = 4000) String findings,
            @NotNull @PositiveOrZero Long unexplainedIncreaseVnd,
            @NotNull @PastOrPresent LocalDate concludedOn) {
    }

    public record VerificationView(UUID id, UUID declarationId, Verification.Ground ground, UUID planId, UUID caseId,
            Verification.Status status, Verification.Conclusion conclusion, String findings,
            Long unexplainedIncreaseVnd, LocalDate concludedOn) {

        static VerificationView of(Verification v) {
            return new VerificationView(v.id, v.declarationId, v.ground, v.planId, v.caseId, v.status, v.conclusion,
                    v.findings, v.unexplainedIncreaseVnd, v.concludedOn);
        }
    }

    @Schema(name = "DeclarationVerificationPlanView")
    public record PlanView(UUID id, String agencyCode, int year, long seed, int percent, int riskScoreThreshold,
            int population, int randomSelected, int riskSelected, List<VerificationView> verifications) {
    }

    private VerificationApi() {
    }
}

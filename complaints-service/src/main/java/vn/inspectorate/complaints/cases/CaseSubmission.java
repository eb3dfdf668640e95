package vn.inspectorate.complaints.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.complaints.identity.PartyIdentity;

/**
 * A case as a provincial system posts it. {@code (sourceSystem, sourceReference)} is its natural key within the
 * province. Without {@code complainant} the case is anonymous. {@code reopensCaseId} cites an earlier case of the
 * province that this one reopens.
 */
public record CaseSubmission(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "{inspectorate.constraint.reference}")
        String sourceSystem,
        @NotBlank @Size(max = 128) String sourceReference,
        @NotBlank @Pattern(regexp = "VN-[0-9A-Z]{2}", message = "{inspectorate.constraint.province-code-vn}")
        String provinceCode,
        @NotBlank @Size(max = 64) String receivingBodyCode,
        @NotNull Channel channel,
        @NotNull CaseKind kind,
        @Min(1) @Max(2) Integer instance,
        @NotNull LocalDate receivedOn,
        LocalDate decisionLearnedOn,
        @NotBlank @Size(max = 500) String subject,
        @Size(max = 10000) String summary,
        @Size(max = 64) String respondentCode,
        UUID respondentDeclarantId,
        Boolean signed,
        Boolean affectsComplainant,
        Boolean decidedAtSecondInstance,
        @Schema(description = "The filer offers evidence of what is reported (documents, pictures, witnesses). With "
                + "`respondentCode` or `respondentDeclarantId` and a `summary` describing the violation, it makes an "
                + "anonymous denunciation information to examine.")
        Boolean evidenceOffered,
        @Min(1) @Max(1000000) Integer complainantCount,
        UUID reopensCaseId,
        @Valid PartyIdentity complainant,
        @Size(max = 5) List<@NotNull @Valid PartyIdentity> representatives) {

    public int instanceOrDefault() {
        return instance == null ? 1 : instance;
    }

    public boolean evidenceOfferedOrDefault() {
        return evidenceOffered != null && evidenceOffered;
    }

    public int complainantCountOrDefault() {
        return complainantCount == null ? 1 : complainantCount;
    }
}

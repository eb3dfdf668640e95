package vn.inspectorate.declarations.declarants;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the declarant API. */
public final class DeclarantApi {

    public static final String PROVINCE_PATTERN = "VN-[0-9A-Z]{2,3}";
    public static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9._-]{0,31}";

    public record RegisterDeclarant(
            @NotBlank @Pattern(regexp = CODE_PATTERN, message = "{declarations.agency-code}") String agencyCode,
            @NotBlank @Pattern(regexp = PROVINCE_PATTERN, message = "{declarations.province-code}") String provinceCode,
            @NotBlank @Size(max = 200) String position,
            @NotBlank @Size(max = 100) String rank,
            @NotNull Boolean annualDeclarationRequired,
            @NotNull @PastOrPresent LocalDate appointedOn,
            @NotBlank @Size(max = 200) String fullName,
            @NotBlank @Pattern(regexp = "[0-9]{12}", message = "{declarations.citizen-id}") String citizenId,
            @Size(max = 1000) String address,
            @Size(max = 20) List<@NotNull @Valid FamilyMemberInput> familyMembers) {
    }

    @Schema(name = "DeclarantFamilyMemberInput")
    public record FamilyMemberInput(
            @NotNull FamilyMember.Relation relation,
            @NotBlank @Size(max = 200) String fullName,
            @Pattern(regexp = "[0-9]{12}", message = "{declarations.citizen-id}") String citizenId) {
    }

    /** What filers and analysts see: no names, numbers or addresses. */
    public record DeclarantSummary(UUID id, String agencyCode, String provinceCode, String position, String rank,
            boolean annualDeclarationRequired, LocalDate appointedOn, List<FamilyMemberRef> familyMembers) {
    }

    @Schema(name = "DeclarantFamilyMemberRef")
    public record FamilyMemberRef(UUID id, FamilyMember.Relation relation) {
    }

    /** What a controller of the declarant's agency or province sees. */
    public record DeclarantDetail(UUID id, String agencyCode, String provinceCode, String position, String rank,
            boolean annualDeclarationRequired, LocalDate appointedOn, String fullName, String citizenId,
            @Schema(nullable = true) String address, List<FamilyMemberDetail> familyMembers) {
    }

    @Schema(name = "DeclarantFamilyMemberDetail")
    public record FamilyMemberDetail(UUID id, FamilyMember.Relation relation, String fullName,
            @Schema(nullable = true) String citizenId) {
    }

    private DeclarantApi() {
    }
}

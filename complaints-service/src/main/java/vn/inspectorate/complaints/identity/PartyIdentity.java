package vn.inspectorate.complaints.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who filed a case or represents its complainants. Confidential: stored encrypted, shown to handling staff only. */
public record PartyIdentity(
        @NotBlank @Size(max = 200) String fullName,
        @Size(max = 32) @Schema(nullable = true) String idNumber,
        @Size(max = 500) @Schema(nullable = true) String address,
        @Size(max = 32) @Schema(nullable = true) String phone,
        @Size(max = 200) @Schema(nullable = true) String email) {

    /** Redacted on purpose: identity must never reach a log line through a record's default toString. */
    @Override
    public String toString() {
        return "PartyIdentity[redacted]";
    }
}

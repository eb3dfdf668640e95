package vn.inspectorate.complaints.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who filed a case or represents its complainants. Confidential: stored encrypted, shown to handling staff only. */
public record PartyIdentity(
        @NotBlank @Size(max = 200) String fullName,
        @Size(max = 32) String idNumber,
        @Size(max = 500) String address,
        @Size(max = 32) String phone,
        @Size(max = 200) String email) {

    /** Redacted on purpose: identity must never reach a log line through a record's default toString. */
    @Override
    public String toString() {
        return "PartyIdentity[redacted]";
    }
}

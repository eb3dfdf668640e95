package vn.inspectorate.complaints.identity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The confidential people of a case: the complainant or denouncer and the representatives of a mass case. */
public record CaseIdentity(@Schema(nullable = true) PartyIdentity complainant, List<PartyIdentity> representatives) {

    @Override
    public String toString() {
        return "CaseIdentity[redacted]";
    }

    /** The identity of a filing; no representatives named is an empty list. */
    public static CaseIdentity of(PartyIdentity complainant, List<PartyIdentity> representatives) {
        return new CaseIdentity(complainant, representatives == null ? List.of() : representatives);
    }
}

package vn.inspectorate.complaints.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.complaints.identity.CaseIdentity;
import vn.inspectorate.complaints.identity.PartyIdentity;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;

/**
 * What a filing says about its case, normalised as the case stores it (defaults applied, subject stripped), so that a
 * submission repeating a source reference can be compared with the case filed under it. Field names are the
 * submission's JSON names.
 */
record CaseFiling(String provinceCode, String receivingBodyCode, Channel channel, CaseKind kind, int instance,
        LocalDate receivedOn, LocalDate decisionLearnedOn, String subject, String summary, String respondentCode,
        UUID respondentDeclarantId, boolean signed, boolean affectsComplainant, boolean decidedAtSecondInstance,
        boolean evidenceOffered, int complainantCount, UUID reopensCaseId, PartyIdentity complainant,
        List<PartyIdentity> representatives) {

    static CaseFiling of(CaseSubmission s) {
        CaseIdentity identity = CaseIdentity.of(s.complainant(), s.representatives());
        return new CaseFiling(s.provinceCode(), s.receivingBodyCode(), s.channel(), s.kind(), s.instanceOrDefault(),
                s.receivedOn(), s.decisionLearnedOn(), s.subject().strip(), s.summary(), s.respondentCode(),
                s.respondentDeclarantId(), s.signed() == null || s.signed(),
                s.affectsComplainant() == null || s.affectsComplainant(),
                s.decidedAtSecondInstance() != null && s.decidedAtSecondInstance(), s.evidenceOfferedOrDefault(),
                s.complainantCountOrDefault(),
                s.reopensCaseId(), identity.complainant(), identity.representatives());
    }

    /** The filing of a stored case; {@code identity} is its decrypted identity, null for an anonymous case. */
    static CaseFiling of(CitizenCase c, CaseIdentity identity) {
        return new CaseFiling(c.filedUnitCode, c.receivingBodyCode, c.channel, c.declaredKind, c.filedInstance,
                c.receivedOn, c.decisionLearnedOn, c.subject, c.summary, c.respondentCode,
                c.filedRespondentDeclarantId, c.signed, c.affectsComplainant, c.decidedAtSecondInstance,
                c.evidenceOffered, c.complainantCount, c.parentCaseId,
                identity == null ? null : identity.complainant(),
                identity == null || identity.representatives() == null ? List.of() : identity.representatives());
    }

    /** The JSON fields of this filing whose values differ from {@code stored}'s. */
    List<String> differingFrom(CaseFiling stored) {
        return NaturalKeyMatch.compare()
                .field("provinceCode", provinceCode, stored.provinceCode)
                .field("receivingBodyCode", receivingBodyCode, stored.receivingBodyCode)
                .field("channel", channel, stored.channel)
                .field("kind", kind, stored.kind)
                .field("instance", instance, stored.instance)
                .field("receivedOn", receivedOn, stored.receivedOn)
                .field("decisionLearnedOn", decisionLearnedOn, stored.decisionLearnedOn)
                .field("subject", subject, stored.subject)
                .field("summary", summary, stored.summary)
                .field("respondentCode", respondentCode, stored.respondentCode)
                .field("respondentDeclarantId", respondentDeclarantId, stored.respondentDeclarantId)
                .field("signed", signed, stored.signed)
                .field("affectsComplainant", affectsComplainant, stored.affectsComplainant)
                .field("decidedAtSecondInstance", decidedAtSecondInstance, stored.decidedAtSecondInstance)
                .field("evidenceOffered", evidenceOffered, stored.evidenceOffered)
                .field("complainantCount", complainantCount, stored.complainantCount)
                .field("reopensCaseId", reopensCaseId, stored.reopensCaseId)
                .field("complainant", complainant, stored.complainant)
                .field("representatives", representatives, stored.representatives)
                .differingFields();
    }

    /** Redacted on purpose: a filing holds the complainant's identity. */
    @Override
    public String toString() {
        return "CaseFiling[redacted]";
    }
}

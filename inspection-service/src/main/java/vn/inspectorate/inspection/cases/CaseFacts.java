package vn.inspectorate.inspection.cases;

import java.util.UUID;

/**
 * What the local case reference reads of any case event, read through the inbox's tolerant reader: the fields every
 * case event carries (id, version, province), the receiving province of a transfer and the kind where an event sets
 * it. The contracts' payload records are not used here because their primitive fields (e.g. a received case's
 * {@code complainantCount}) make an event poison when a producer leaves them out, and this reference needs none of
 * them.
 */
record CaseFacts(UUID caseId, Long version, String provinceCode, String toProvinceCode, String kind) {

    /** The province the case is in after the event: a transfer's receiving province when it names one. */
    String provinceAfter(boolean transfer) {
        return transfer && toProvinceCode != null ? toProvinceCode : provinceCode;
    }
}

package vn.inspectorate.reporting;

import static java.util.Map.entry;
import static vn.inspectorate.reporting.EventFeed.at;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.EventTypes;

/**
 * The events behind the test figures. Hà Nội's first quarter of 2024 carries the figures of seed 001 (17
 * administrative inspections, 9 conclusions covering 12 units, 576,000,000 VND of violations, 512,300,000 VND
 * recommended for recovery, 8 organisations and 9 individuals responsible, 36 specialized inspections), some of them
 * sent out of order or corrected; the first quarter of 2023 is the year-earlier base.
 */
final class SeedEvents {

    static final String HN = "VN-HN";
    static final String BODY = "TTTP-HN";
    static final int[] UNITS = {2, 2, 1, 1, 1, 1, 2, 1, 1};
    static final long[] RECOVERY = {60_000_000, 55_000_000, 58_000_000, 57_000_000, 56_500_000, 55_800_000,
            56_000_000, 57_000_000, 57_000_000};
    static final int[] ORGANISATIONS = {1, 1, 1, 1, 1, 1, 1, 1, 0};
    static final int[] TRANSFERS = {0, 0, 1, 0, 0, 0, 0, 0, 1};

    final List<UUID> concludedInspections = new ArrayList<>();
    final List<UUID> cases = new ArrayList<>();

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void sendQuarter(EventFeed feed) {
        LocalDate jan = LocalDate.of(2024, 1, 5);
        for (int i = 0; i < 17; i++) {
            UUID id = id("hn-2024-admin-" + i);
            LocalDate opened = jan.plusDays(i * 3L);
            Map<String, Object> open = opened(id, "ADMINISTRATIVE", null, i >= 2, opened);
            if (i < 9) {
                concludedInspections.add(id);
                LocalDate concludedOn = opened.plusDays(20);
                Map<String, Object> concluded = concluded(id, 3, concludedOn, 64_000_000, RECOVERY[i], UNITS[i],
                        ORGANISATIONS[i], 1, TRANSFERS[i]);
                if (i == 0) {
                    // out of order: the conclusion arrives before the opening
                    feed.send(EventTypes.INSPECTION_CONCLUDED, id, concluded);
                    feed.send(EventTypes.INSPECTION_OPENED, id, open);
                } else if (i == 1) {
                    // the corrected conclusion (version 3) arrives before the stale one it replaced (version 2)
                    feed.send(EventTypes.INSPECTION_OPENED, id, open);
                    feed.send(EventTypes.INSPECTION_CONCLUDED, id, concluded);
                    feed.send(EventTypes.INSPECTION_CONCLUDED, id, concluded(id, 2, concludedOn, 999_000_000,
                            1_000_000, 7, 5, 5, 5));
                } else {
                    feed.send(EventTypes.INSPECTION_OPENED, id, open);
                    feed.send(EventTypes.INSPECTION_CONCLUDED, id, concluded);
                }
                feed.send(EventTypes.INSPECTION_RECOVERY_RECORDED, id, Map.of("inspectionId", id, "version", 4,
                        "occurredAt", at(concludedOn.plusDays(5)), "provinceCode", HN,
                        "recommendationId", id("rec-" + id), "recoveredVnd", 10_000_000L,
                        "totalRecoveredVnd", 10_000_000L, "recordedOn", concludedOn.plusDays(5)));
            } else {
                feed.send(EventTypes.INSPECTION_OPENED, id, open);
            }
        }
        String[] sectors = {"CONSTRUCTION", "HEALTH", "PUBLISHING"};
        for (int i = 0; i < 36; i++) {
            UUID id = id("hn-2024-specialized-" + i);
            feed.send(EventTypes.INSPECTION_OPENED, id,
                    opened(id, "SPECIALIZED", sectors[i % 3], i % 6 != 0, jan.plusDays(i)));
        }
        UUID overlapping = id("hn-2024-specialized-1");
        feed.send(EventTypes.INSPECTION_OVERLAP_DETECTED, overlapping, Map.of("inspectionId", overlapping,
                "version", 2, "occurredAt", at(LocalDate.of(2024, 1, 20)), "provinceCode", HN,
                "inspectedEntityCode", "ENT-1", "sector", "HEALTH", "year", 2024, "rule", "SAME_SUBJECT_YEAR",
                "conflictingInspectionIds", List.of(id("other"))));
        sendCases(feed);
        sendDeclarations(feed);
    }

    /** The same quarter of 2023: 6 administrative, 12 specialized, 2 conclusions (192,000,000 VND; 70,000,000). */
    void sendYearBefore(EventFeed feed) {
        LocalDate jan = LocalDate.of(2023, 1, 9);
        for (int i = 0; i < 6; i++) {
            UUID id = id("hn-2023-admin-" + i);
            feed.send(EventTypes.INSPECTION_OPENED, id, opened(id, "ADMINISTRATIVE", null, true, jan.plusDays(i)));
            if (i < 2) {
                feed.send(EventTypes.INSPECTION_CONCLUDED, id, concluded(id, 2, jan.plusDays(30 + i),
                        i == 0 ? 100_000_000 : 92_000_000, 35_000_000, 1, 1, 2, 0));
            }
        }
        for (int i = 0; i < 12; i++) {
            UUID id = id("hn-2023-specialized-" + i);
            feed.send(EventTypes.INSPECTION_OPENED, id, opened(id, "SPECIALIZED", "HEALTH", true, jan.plusDays(i)));
        }
        UUID c = id("hn-2023-case-0");
        feed.send(EventTypes.CASE_RECEIVED, c, received(c, LocalDate.of(2023, 2, 1), false));
    }

    private void sendCases(EventFeed feed) {
        // c1: mass complaint, resolved on time; its events arrive newest first
        UUID c1 = caseId(1);
        feed.send(EventTypes.CASE_RESOLVED, c1, Map.of("caseId", c1, "version", 4, "occurredAt",
                at(LocalDate.of(2024, 2, 10)), "provinceCode", HN, "kind", "COMPLAINT", "handlingBodyCode", BODY,
                "outcome", "UPHELD", "resolvedOn", LocalDate.of(2024, 2, 10), "onTime", true));
        feed.send(EventTypes.CASE_ACCEPTED, c1, accepted(c1, LocalDate.of(2024, 1, 12), LocalDate.of(2024, 2, 15)));
        feed.send(EventTypes.CASE_CLASSIFIED, c1, classified(c1, "COMPLAINT"));
        feed.send(EventTypes.CASE_RECEIVED, c1, received(c1, LocalDate.of(2024, 1, 8), true));
        // c2: denunciation that went overdue, then was resolved late
        UUID c2 = caseId(2);
        feed.send(EventTypes.CASE_RECEIVED, c2, received(c2, LocalDate.of(2024, 1, 10), false));
        feed.send(EventTypes.CASE_CLASSIFIED, c2, classified(c2, "DENUNCIATION"));
        feed.send(EventTypes.CASE_ACCEPTED, c2, accepted(c2, LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 20)));
        feed.send(EventTypes.CASE_OVERDUE, c2, Map.of("caseId", c2, "version", 4, "occurredAt",
                at(LocalDate.of(2024, 2, 21)), "provinceCode", HN, "handlingBodyCode", BODY, "step", "RESOLUTION",
                "dueOn", LocalDate.of(2024, 2, 20), "daysOverdue", 1));
        feed.send(EventTypes.CASE_RESOLVED, c2, Map.of("caseId", c2, "version", 5, "occurredAt",
                at(LocalDate.of(2024, 3, 1)), "provinceCode", HN, "kind", "DENUNCIATION", "handlingBodyCode", BODY,
                "outcome", "PARTLY_TRUE", "resolvedOn", LocalDate.of(2024, 3, 1), "onTime", false));
        // c3: not accepted
        UUID c3 = caseId(3);
        feed.send(EventTypes.CASE_RECEIVED, c3, received(c3, LocalDate.of(2024, 1, 15), false));
        feed.send(EventTypes.CASE_CLASSIFIED, c3, classified(c3, "COMPLAINT"));
        feed.send(EventTypes.CASE_REJECTED, c3, Map.of("caseId", c3, "version", 3, "occurredAt",
                at(LocalDate.of(2024, 1, 20)), "provinceCode", HN, "kind", "COMPLAINT", "reasonCode", "LATE_FILING",
                "decisionReference", "QD-3", "decidedOn", LocalDate.of(2024, 1, 20)));
        // c4: mass complaint, accepted, deadline far ahead
        UUID c4 = caseId(4);
        feed.send(EventTypes.CASE_RECEIVED, c4, received(c4, LocalDate.of(2024, 2, 1), true));
        feed.send(EventTypes.CASE_CLASSIFIED, c4, classified(c4, "COMPLAINT"));
        feed.send(EventTypes.CASE_ACCEPTED, c4, accepted(c4, LocalDate.of(2024, 2, 3), LocalDate.of(2099, 1, 1)));
        // c5: accepted, never resolved (overdue now), on the watchlist with two monthly progress reports
        UUID c5 = caseId(5);
        feed.send(EventTypes.CASE_RECEIVED, c5, received(c5, LocalDate.of(2024, 2, 5), false));
        feed.send(EventTypes.CASE_CLASSIFIED, c5, classified(c5, "COMPLAINT"));
        feed.send(EventTypes.CASE_ACCEPTED, c5, accepted(c5, LocalDate.of(2024, 2, 6), LocalDate.of(2024, 3, 6)));
        feed.send(EventTypes.CASE_WATCHLISTED, c5, Map.of("caseId", c5, "version", 4, "occurredAt",
                at(LocalDate.of(2024, 2, 20)), "provinceCode", HN, "onWatchlist", true, "decisionReference", "QD-W1",
                "decidedOn", LocalDate.of(2024, 2, 20)));
        for (int m = 2; m <= 3; m++) {
            feed.send(EventTypes.CASE_PROGRESS_REPORTED, c5, Map.of("caseId", c5, "version", 3 + m, "occurredAt",
                    at(LocalDate.of(2024, m, 28)), "provinceCode", HN, "reportMonth", "2024-0" + m,
                    "stage", "VERIFICATION", "resolved", false, "overdue", m == 3));
        }
        // c6: a duplicate of c1, linked and closed
        UUID c6 = caseId(6);
        feed.send(EventTypes.CASE_RECEIVED, c6, received(c6, LocalDate.of(2024, 2, 7), false));
        feed.send(EventTypes.CASE_CLOSED, c6, Map.of("caseId", c6, "version", 2, "occurredAt",
                at(LocalDate.of(2024, 2, 9)), "provinceCode", HN, "closureReason", "DUPLICATE",
                "closedOn", LocalDate.of(2024, 2, 9), "duplicateOfCaseId", c1));
    }

    private void sendDeclarations(EventFeed feed) {
        String[] kinds = {"ANNUAL", "ANNUAL", "FIRST_TIME", "SUPPLEMENTARY"};
        LocalDate[] days = {LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 12), LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 2, 20)};
        for (int i = 0; i < 4; i++) {
            UUID d = id("hn-2024-declaration-" + i);
            feed.send(EventTypes.DECLARATION_SUBMITTED, d, Map.ofEntries(entry("declarationId", d),
                    entry("version", 1), entry("occurredAt", at(days[i])), entry("declarantId", id("declarant-" + i)),
                    entry("agencyCode", "SO-TC-HN"), entry("provinceCode", HN), entry("year", 2023),
                    entry("kind", kinds[i]), entry("submittedOn", days[i]), entry("late", i == 1),
                    entry("totalAssetsVnd", 1_000_000_000L), entry("totalIncomeVnd", 300_000_000L),
                    entry("assetChangeVnd", 0L)));
        }
        UUID d0 = id("hn-2024-declaration-0");
        UUID d1 = id("hn-2024-declaration-1");
        feed.send(EventTypes.DECLARATION_FLAGGED, d0, flagged(d0, "ANNUAL", List.of("ASSETS_OVER_INCOME", "LARGE_CASH")));
        feed.send(EventTypes.DECLARATION_FLAGGED, d1, flagged(d1, "ANNUAL", List.of("LARGE_CASH")));
        feed.send(EventTypes.DECLARATION_VERIFICATION_SELECTED, d0, Map.of("declarationId", d0, "version", 3,
                "occurredAt", at(LocalDate.of(2024, 2, 2)), "declarantId", id("declarant-0"), "agencyCode", "SO-TC-HN",
                "provinceCode", HN, "year", 2023, "kind", "ANNUAL", "verificationId", id("verification-0"),
                "ground", "UNEXPLAINED_INCREASE"));
        feed.send(EventTypes.DECLARATION_VERIFIED, d0, Map.ofEntries(entry("declarationId", d0), entry("version", 4),
                entry("occurredAt", at(LocalDate.of(2024, 3, 5))), entry("declarantId", id("declarant-0")),
                entry("agencyCode", "SO-TC-HN"), entry("provinceCode", HN), entry("year", 2023),
                entry("kind", "ANNUAL"), entry("verificationId", id("verification-0")), entry("conclusion", "DISHONEST"),
                entry("unexplainedIncreaseVnd", 400_000_000L), entry("concludedOn", LocalDate.of(2024, 3, 5))));
    }

    private Map<String, Object> flagged(UUID d, String kind, List<String> rules) {
        List<Object> flags = new ArrayList<>();
        for (String r : rules) {
            flags.add(EventFeed.payload(vn.inspectorate.contracts.declarations.DeclarationFlagged.Flag.class,
                    Map.of("ruleId", r, "ruleVersion", 1)));
        }
        return Map.of("declarationId", d, "version", 2, "occurredAt", at(LocalDate.of(2024, 2, 1)),
                "declarantId", id("declarant-x"), "agencyCode", "SO-TC-HN", "provinceCode", HN, "year", 2023,
                "kind", kind, "flags", flags);
    }

    UUID caseId(int n) {
        UUID id = id("hn-2024-case-" + n);
        if (!cases.contains(id)) {
            cases.add(id);
        }
        return id;
    }

    static Map<String, Object> opened(UUID id, String type, String sector, boolean planned, LocalDate on) {
        return opened(id, HN, type, sector, planned, on);
    }

    static Map<String, Object> opened(UUID id, String province, String type, String sector, boolean planned,
            LocalDate on) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("inspectionId", id, "version", 1, "occurredAt", at(on),
                "provinceCode", province, "inspectingBodyCode", BODY, "inspectedEntityCode", "ENT-" + id,
                "inspectionType", type, "planned", planned, "openedOn", on, "dueOn", on.plusDays(45)));
        if (sector != null) {
            m.put("sector", sector);
        }
        return m;
    }

    static Map<String, Object> concluded(UUID id, long version, LocalDate on, long violations, long recovery,
            int units, int organisations, int individuals, int transfers) {
        return concluded(id, HN, version, on, violations, recovery, units, organisations, individuals, transfers);
    }

    static Map<String, Object> concluded(UUID id, String province, long version, LocalDate on, long violations,
            long recovery, int units, int organisations, int individuals, int transfers) {
        return Map.ofEntries(entry("inspectionId", id), entry("version", version), entry("occurredAt", at(on)),
                entry("provinceCode", province), entry("inspectingBodyCode", BODY),
                entry("inspectedEntityCode", "ENT-" + id), entry("inspectionType", "ADMINISTRATIVE"),
                entry("concludedOn", on), entry("violationsVnd", violations), entry("violationsLandM2", 0L),
                entry("recoveryRecommendedVnd", recovery), entry("recoveryRecommendedLandM2", 0L),
                entry("responsibleOrganisationsCount", organisations),
                entry("responsibleIndividualsCount", individuals),
                entry("transfersToInvestigationCount", transfers), entry("unitsCovered", units),
                entry("resolvedCaseIds", List.of()));
    }

    static Map<String, Object> received(UUID c, LocalDate on, boolean mass) {
        return received(c, HN, on, mass);
    }

    static Map<String, Object> received(UUID c, String province, LocalDate on, boolean mass) {
        return Map.ofEntries(entry("caseId", c), entry("version", 1), entry("occurredAt", at(on)),
                entry("provinceCode", province), entry("receivingBodyCode", "BTCD-" + province),
                entry("channel", "LETTER"), entry("sourceSystem", "test"), entry("sourceReference", c.toString()),
                entry("receivedOn", on), entry("complainantCount", mass ? 12 : 1), entry("mass", mass),
                entry("anonymous", false));
    }

    static Map<String, Object> classified(UUID c, String kind) {
        return Map.of("caseId", c, "version", 2, "occurredAt", at(LocalDate.of(2024, 1, 20)), "provinceCode", HN,
                "kind", kind, "instance", 1, "ruleSetVersion", "2012.1");
    }

    static Map<String, Object> accepted(UUID c, LocalDate on, LocalDate due) {
        return Map.of("caseId", c, "version", 3, "occurredAt", at(on), "provinceCode", HN, "kind", "COMPLAINT",
                "handlingBodyCode", BODY, "acceptedOn", on, "dueOn", due, "ruleSetVersion", "2012.1");
    }
}

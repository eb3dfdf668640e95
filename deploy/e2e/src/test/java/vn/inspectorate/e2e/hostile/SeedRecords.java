package vn.inspectorate.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import vn.inspectorate.e2e.RunningPlatform;

/**
 * Realistic valid bodies for the operations whose schema alone cannot give a valid one (codes that must exist, dates
 * in order), each marked with the {@link #PREFIX} and made unique by a number, so that what the suite creates is told
 * apart from other tests' records. Also the records the path ids point at.
 */
final class SeedRecords {

    static final String PREFIX = "hostile-e2e";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Operation key → a valid body for request number n. */
    static Map<String, LongFunction<JsonNode>> bodies(String eventType) {
        LocalDate today = LocalDate.now(SchemaBodies.VIETNAM);
        Map<String, LongFunction<JsonNode>> b = new LinkedHashMap<>();
        b.put("POST /api/v1/cases", n -> complaint(n, today));
        b.put("POST /api/v1/cases/batch", n -> {
            ObjectNode o = NODES.objectNode();
            o.putArray("cases").add(complaint(n, today)).add(complaint(n + 1_000_000_000L, today));
            return o;
        });
        b.put("POST /api/v1/cases/{id}/classify", n -> obj("kind", "COMPLAINT"));
        b.put("POST /api/v1/cases/{id}/accept", n -> obj("acceptedOn", today.toString()));
        b.put("POST /api/v1/cases/{id}/assign", n -> obj("handlingBodyCode", "HN-INSPECTORATE"));
        b.put("POST /api/v1/cases/{id}/watchlist", n -> obj("decisionReference", PREFIX + "-QD-" + n,
                "decidedOn", today.toString()));
        b.put("POST /api/v1/cases/{id}/watchlist/removal", n -> obj("decisionReference", PREFIX + "-QD-" + n,
                "decidedOn", today.toString()));
        b.put("POST /api/v1/cases/{id}/watchlist/progress", n -> obj("reportMonth", YearMonth.from(today).toString(),
                "stage", "VERIFYING"));
        b.put("POST /api/v1/inspection-plans", n -> {
            ObjectNode o = obj("bodyCode", "TTT-HN");
            o.put("year", 2040 + (int) Math.floorMod(n, 60));
            return o;
        });
        b.put("POST /api/v1/inspection-plans/{id}/inspections", n -> plannedInspection(n, 2039));
        b.put("POST /api/v1/inspection-plans/{id}/amendments", n -> {
            ObjectNode o = obj("reason", "Amendment " + PREFIX + "-" + n);
            o.putArray("add").add(plannedInspection(n, 2038));
            return o;
        });
        b.put("POST /api/v1/inspections", n -> opening(n, today));
        b.put("POST /api/v1/inspections/{id}/start", n -> obj("startedOn", today.toString()));
        b.put("POST /api/v1/inspections/{id}/report", n -> obj("submittedOn", today.toString()));
        b.put("POST /api/v1/inspections/{id}/extensions", n -> {
            ObjectNode o = obj("reasonCode", "COMPLEX_CASE", "decidedOn", today.toString());
            o.put("extraDays", 15);
            return o;
        });
        b.put("POST /api/v1/inspections/{id}/conclusion", n -> conclusion(n, today));
        b.put("POST /api/v1/inspections/{id}/closure", n -> obj("closedOn", today.toString()));
        b.put("POST /api/v1/overlaps/{id}/settlement", n -> obj("proceedingBodyCode", "TTT-HN", "note", "Settled"));
        b.put("POST /api/v1/recommendations/{id}/payments", n -> {
            ObjectNode o = obj("reference", PREFIX + "-PAY-" + n, "paidOn", today.toString());
            o.put("amountVnd", 1_000_000L);
            return o;
        });
        b.put("POST /api/v1/recommendations/{id}/completion", n -> obj("doneOn", today.toString()));
        b.put("POST /api/v1/transfers/{id}/acknowledgement", n -> {
            ObjectNode o = obj("acknowledgedOn", today.toString());
            o.put("accepted", true);
            return o;
        });
        b.put("POST /api/v1/declarants", n -> declarant(n, today));
        b.put("POST /api/v1/declarants/{id}/reminders", n -> {
            ObjectNode o = obj("kind", "ANNUAL", "sentOn", today.toString());
            o.put("year", today.getYear());
            return o;
        });
        b.put("POST /api/v1/declarations", n -> declaration(null, n, today));
        b.put("POST /api/v1/declarations/{id}/correction", n -> {
            ObjectNode o = NODES.objectNode();
            o.putArray("items").add(item("LAND", 2_500_000_000L, "Land plot " + n));
            return o;
        });
        b.put("POST /api/v1/declarations/{id}/publication", n -> obj("publishedOn", today.toString()));
        b.put("POST /api/v1/declarations/{id}/verifications", n -> obj("reason", "Request " + PREFIX + "-" + n));
        b.put("POST /api/v1/verification-plans", n -> {
            ObjectNode o = obj("agencyCode", "HOSTILE-E2E");
            o.put("year", 2040 + (int) Math.floorMod(n, 60));
            o.put("seed", n);
            return o;
        });
        b.put("POST /api/v1/verifications/{id}/conclusion", n -> {
            ObjectNode o = obj("conclusion", "HONEST", "findings", "Explained", "concludedOn", today.toString());
            o.put("unexplainedIncreaseVnd", 0);
            return o;
        });
        b.put("POST /api/v1/reports/publications", n -> obj("period", (2001 + Math.floorMod(n, 18)) + "-Q"
                + (1 + Math.floorMod(n / 18, 4)), "calendar", "calendar"));
        // admin writes stay clear of the data the other suites use: a body of the suite's own, a duration rule only
        // for district re-inspections (no district body is in force after 30 June 2025) from 2090, the year 2099
        b.put("POST /api/v1/reference/inspection-bodies", n -> obj("code", bodyCode(n), "name", "Hostile test body "
                + n, "level", "SECTOR", "validFrom", today.toString(), "reason", "Hostile input suite"));
        b.put("POST /api/v1/reference/inspection-bodies/{code}/renaming", n -> obj("name", "Hostile renamed " + n,
                "from", today.plusDays(1).toString(), "reason", "Hostile input suite"));
        b.put("POST /api/v1/duration-rules", n -> {
            ObjectNode o = obj("level", "DISTRICT", "effectiveFrom", LocalDate.of(2090, 1, 1)
                    .plusDays(Math.floorMod(n, 3000)).toString(), "source", "Hostile input suite", "reason",
                    "Hostile input suite");
            o.put("reInspection", true);
            o.put("baseDays", 30);
            o.put("extensionDays", 15);
            o.put("maxExtensions", 1);
            return o;
        });
        // a rule set of the case clocks from 2090 on, far from any case the other suites file
        b.put("POST /api/v1/case-rule-sets", n -> caseRuleSet(n));
        // rule versions from 2090 on, clear of the dates the other suites judge declarations on: the publication
        // period and the large-cash rule, each a day later per request so that every valid one is a new version
        b.put("POST /api/v1/declaration-rules/parameters", n -> {
            ObjectNode o = obj("code", "PUBLICATION_DAYS", "effectiveFrom", LocalDate.of(2090, 1, 1)
                    .plusDays(Math.floorMod(n, 3000)).toString(), "source", "Hostile input suite", "reason",
                    "Hostile input suite");
            o.put("value", 20);
            return o;
        });
        b.put("POST /api/v1/declaration-rules/red-flags", n -> {
            ObjectNode o = obj("ruleId", "LARGE_CASH", "effectiveFrom", LocalDate.of(2090, 1, 1)
                    .plusDays(Math.floorMod(n, 3000)).toString(), "description", "Hostile input suite", "reason",
                    "Hostile input suite");
            o.put("weight", 15);
            o.putObject("params").put("maxCashVnd", 2_000_000_000L);
            return o;
        });
        b.put("PUT /api/v1/reference/calendar/{year}", n -> {
            ObjectNode o = obj("source", "Hostile input suite", "reason", "Hostile input suite");
            o.putArray("daysOff").add(obj("day", "2099-01-01", "occasion", "New Year"));
            o.putArray("workingDays");
            return o;
        });
        b.put("POST /api/v1/subscriptions", n -> {
            ObjectNode o = obj("callbackUrl", callbackUrl(n));
            o.putArray("eventTypes").add(eventType);
            o.putArray("provinces").add("VN-HN");
            return o;
        });
        return b;
    }

    /**
     * A callback the gateway accepts: public hosts must resolve, which they cannot where the build runs offline, so
     * one of the loopback receiver addresses the platform allows; the suite deletes its subscriptions when done.
     */
    static String callbackUrl(long n) {
        return "http://127.0.0.1:" + RunningPlatform.RECEIVER_PORTS.get(2) + "/hooks/" + PREFIX + "-" + n;
    }

    static ObjectNode complaint(long n, LocalDate today) {
        ObjectNode o = obj("sourceSystem", PREFIX, "sourceReference", PREFIX + "-" + n, "provinceCode", "VN-HN",
                "receivingBodyCode", "HN-INSPECTORATE", "channel", "LETTER", "kind", "COMPLAINT",
                "receivedOn", today.minusDays(3).toString(), "subject", "Land compensation decision " + n);
        o.set("complainant", obj("fullName", "Tran Thi Hostile", "idNumber", "001099" + String.format("%06d",
                Math.floorMod(n, 1_000_000)), "address", "1 Trang Tien"));
        return o;
    }

    static ObjectNode plannedInspection(long n, int year) {
        ObjectNode o = obj("subject", "PUBLIC_DUTIES", "type", "INSPECTION",
                "plannedStart", LocalDate.of(year, 3, 1).toString());
        o.set("entity", obj("code", PREFIX + "-PE-" + n, "kind", "PUBLIC_BODY", "name", "Commune committee " + n,
                "provinceCode", "VN-HN"));
        o.put("durationDays", 30);
        return o;
    }

    static ObjectNode opening(long n, LocalDate today) {
        ObjectNode o = obj("bodyCode", "TTT-HN", "decisionNumber", PREFIX + "-QD-" + n,
                "decisionDate", today.toString(), "legalBasis", "Law on Inspection 11/2022, Art. 47",
                "type", "INSPECTION", "subject", "PUBLIC_DUTIES");
        o.putArray("team").add(obj("name", "Team lead", "role", "LEAD"));
        o.set("entity", obj("code", PREFIX + "-E-" + n, "kind", "PUBLIC_BODY", "name", "Ward committee " + n,
                "provinceCode", "VN-HN"));
        return o;
    }

    static ObjectNode conclusion(long n, LocalDate today) {
        ObjectNode o = obj("conclusionNumber", PREFIX + "-KL-" + n, "concludedOn", today.toString(),
                "assessment", "Land allocated without auction.");
        o.put("unitsCovered", 1);
        ObjectNode item = obj("subject", "Land allocation", "finding", "Allocated without auction");
        item.put("violationsVnd", 5_000_000_000L);
        item.put("violationsLandM2", 100);
        o.putArray("items").add(item);
        ObjectNode recommendation = obj("kind", "RECOVERY", "description", "Recover to the budget",
                "addressee", "Ward committee", "dueOn", today.plusDays(90).toString());
        recommendation.put("amountVnd", 2_000_000_000L);
        o.putArray("recommendations").add(recommendation);
        o.putArray("transfers").add(obj("matter", "Signs of a crime", "toBody", "Police investigation agency",
                "transferredOn", today.toString()));
        o.put("published", false);
        return o;
    }

    static ObjectNode declarant(long n, LocalDate today) {
        ObjectNode o = obj("agencyCode", "HOSTILE-E2E", "provinceCode", "VN-HN", "position", "Deputy director",
                "rank", "Senior", "appointedOn", today.minusYears(2).toString(), "fullName", "Nguyen Van Hostile",
                "citizenId", "0" + String.format("%011d", Math.floorMod(n, 100_000_000_000L)));
        o.put("annualDeclarationRequired", true);
        return o;
    }

    static ObjectNode declaration(String declarantId, long n, LocalDate today) {
        ObjectNode o = obj("declarantId", declarantId == null ? "{declarantId}" : declarantId, "kind", "ANNUAL",
                "declaredOn", today.toString());
        o.put("year", today.getYear());
        ArrayNode items = o.putArray("items");
        items.add(item("LAND", 2_000_000_000L, "Land plot " + n));
        items.add(item("SALARY", 300_000_000L, "Salary"));
        return o;
    }

    static ObjectNode item(String category, long value, String description) {
        ObjectNode o = obj("category", category, "description", description, "acquiredOn", "2020-05-04");
        o.put("valueVnd", value);
        return o;
    }

    /** Every rule of the case clocks once, with the numbers the service was seeded with. */
    static ObjectNode caseRuleSet(long n) {
        ObjectNode o = obj("version", PREFIX + "-" + n, "effectiveFrom", LocalDate.of(2090, 1, 1)
                .plusDays(Math.floorMod(n, 3000)).toString(), "legalBasis", "Hostile input suite", "reason",
                "Hostile input suite");
        o.put("pausedTimeCounts", false);
        ArrayNode values = o.putArray("values");
        caseRule(values, "COMPLAINT_FILING_LIMIT", "CALENDAR_DAYS", 90);
        caseRule(values, "COMPLAINT_ACCEPTANCE", "CALENDAR_DAYS", 10);
        caseRule(values, "COMPLAINT_FIRST_RESOLUTION", "CALENDAR_DAYS", 30).put("complex", 45).put("remote", 45)
                .put("remoteComplex", 60);
        caseRule(values, "SECOND_COMPLAINT_WINDOW", "CALENDAR_DAYS", 30).put("remote", 45);
        caseRule(values, "COMPLAINT_SECOND_RESOLUTION", "CALENDAR_DAYS", 45).put("complex", 60).put("remote", 60)
                .put("remoteComplex", 70);
        caseRule(values, "DENUNCIATION_NOTIFY", "WORKING_DAYS", 5);
        caseRule(values, "DENUNCIATION_RESOLUTION", "CALENDAR_DAYS", 30);
        caseRule(values, "DENUNCIATION_EXTENSION", "CALENDAR_DAYS", 30);
        caseRule(values, "DENUNCIATION_MAX_EXTENSIONS", "COUNT", 2);
        caseRule(values, "MASS_CASE_MIN_COMPLAINANTS", "COUNT", 5);
        caseRule(values, "DUPLICATE_WINDOW", "CALENDAR_DAYS", 180);
        caseRule(values, "DUPLICATE_SUBJECT_SIMILARITY_PERCENT", "COUNT", 50);
        return o;
    }

    private static ObjectNode caseRule(ArrayNode values, String rule, String unit, int normal) {
        ObjectNode v = values.addObject();
        v.put("rule", rule);
        v.put("unit", unit);
        v.put("normal", normal);
        return v;
    }

    /** An inspection body code of the suite's own (codes are upper case). */
    static String bodyCode(long n) {
        return (PREFIX + "-B-" + n).toUpperCase(java.util.Locale.ROOT);
    }

    static ObjectNode obj(String... pairs) {
        ObjectNode o = NODES.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            o.put(pairs[i], pairs[i + 1]);
        }
        return o;
    }

    /** The role that may call each operation, by path (most specific first). */
    static String role(String operationKey) {
        for (Map.Entry<String, String> e : ROLES) {
            if (operationKey.contains(e.getKey())) {
                return e.getValue();
            }
        }
        throw new IllegalStateException("no role for " + operationKey);
    }

    private static final List<Map.Entry<String, String>> ROLES = List.of(
            Map.entry("/watchlist/progress", "inspector-hn"),
            Map.entry("/watchlist", "admin"),
            Map.entry("POST /api/v1/cases/{id}/", "inspector-hn"),
            Map.entry("/api/v1/cases", "province-hn"),
            Map.entry("/approval", "chief-inspector-hn"),
            Map.entry("/amendments", "chief-inspector-hn"),
            Map.entry("/api/v1/overlaps", "chief-inspector-hn"),
            Map.entry("/api/v1/inspection-plans", "inspector-hn"),
            Map.entry("/api/v1/inspections", "inspector-hn"),
            Map.entry("/api/v1/recommendations", "inspector-hn"),
            Map.entry("/api/v1/transfers", "inspector-hn"),
            Map.entry("/api/v1/declarants", "asset-controller"),
            Map.entry("/api/v1/declarations", "asset-controller"),
            Map.entry("/api/v1/verification", "asset-controller"),
            Map.entry("/api/v1/reports", "analyst"),
            Map.entry("/api/v1/reference", "admin"),
            Map.entry("/api/v1/duration-rules", "admin"),
            Map.entry("/api/v1/case-rule-sets", "admin"),
            Map.entry("/api/v1/declaration-rules", "admin"),
            Map.entry("/api/v1/subscriptions", "partner-demo"));

    private SeedRecords() {
    }
}

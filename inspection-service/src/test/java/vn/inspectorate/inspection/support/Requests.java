package vn.inspectorate.inspection.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for the tests, as JSON maps. */
public final class Requests {

    private Requests() {
    }

    public static Map<String, Object> entity(String code, String kind, String province) {
        return Map.of("code", code, "kind", kind, "name", "Entity " + code, "provinceCode", province);
    }

    /** The inspection type a decision of {@code date} can have: {@code before} until 30 June 2025, then INSPECTION. */
    public static String typeOn(String date, String before) {
        return LocalDate.parse(date).isBefore(LocalDate.of(2025, 7, 1)) ? before : "INSPECTION";
    }

    /** An opening decision; {@code extra} adds or overrides fields. */
    public static Map<String, Object> open(String body, String decision, String date, String type, String subject,
            Map<String, Object> entity, Map<String, Object> extra) {
        Map<String, Object> request = new HashMap<>();
        request.put("bodyCode", body);
        request.put("decisionNumber", decision);
        request.put("decisionDate", date);
        request.put("legalBasis", "Law on Inspection 11/2022, Art. 47");
        request.put("team", List.of(Map.of("name", "Team lead", "role", "LEAD"), Map.of("name", "Member", "role", "MEMBER")));
        request.put("type", type);
        request.put("subject", subject);
        request.put("entity", entity);
        request.putAll(extra);
        return request;
    }

    /** A conclusion with one item per amount, the given recoveries and responsible counts. */
    public static Map<String, Object> conclusion(String number, String concludedOn, int units, List<Long> violations,
            List<Long> recoveries, int organisations, int individuals, Map<String, Object> extra) {
        Map<String, Object> request = new HashMap<>();
        request.put("conclusionNumber", number);
        request.put("concludedOn", concludedOn);
        request.put("assessment", "The inspected body largely complied; violations listed per item.");
        request.put("unitsCovered", units);
        request.put("items", violations.stream().map(v -> Map.of("subject", "Item", "finding", "Finding",
                "violationsVnd", v, "violationsLandM2", 0)).toList());
        request.put("recommendations", recoveries.stream().map(r -> Map.of("kind", "RECOVERY",
                "description", "Recover to the state budget", "addressee", "Inspected body", "amountVnd", r,
                "dueOn", concludedOn)).toList());
        request.put("responsibleOrganisations", java.util.stream.IntStream.range(0, organisations)
                .mapToObj(i -> Map.of("reference", "ORG-" + number + "-" + i)).toList());
        request.put("responsibleIndividuals", java.util.stream.IntStream.range(0, individuals)
                .mapToObj(i -> Map.of("reference", "IND-" + number + "-" + i, "role", "official")).toList());
        request.put("published", false);
        request.putAll(extra);
        return request;
    }
}

package vn.inspectorate.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Real records in each state the write operations act on, created through the gateway before the hostile requests,
 * so that a valid path id reaches the business rules instead of stopping at a 404.
 */
final class SeedIds {

    final HostileInputThroughGatewayTest.CreationLedger ledger = new HostileInputThroughGatewayTest.CreationLedger();
    final List<String> cases = new ArrayList<>();
    final List<String> plans = new ArrayList<>();
    String approvedPlan;
    final List<String> inspections = new ArrayList<>();
    String recommendation;
    String transfer;
    String declarant;
    final List<String> declarations = new ArrayList<>();
    String verification;
    String subscription;
    String eventType;
    String body;

    private HostileInputThroughGatewayTest test;

    static SeedIds create(HostileInputThroughGatewayTest test) {
        SeedIds ids = new SeedIds();
        ids.test = test;
        ids.createAll();
        return ids;
    }

    private void createAll() {
        LocalDate today = LocalDate.now(SchemaBodies.VIETNAM);
        long n = Math.floorMod(System.nanoTime(), 1_000_000_000L) + 2_000_000_000L;
        for (int i = 0; i < 3; i++) {
            cases.add(create("province-hn", "POST", "/api/v1/cases", SeedRecords.complaint(n + i, today), 201));
        }

        // plans have a natural key (body, year): a plan left by an earlier run on the same data is answered 200
        JsonNode draftPlan = call("inspector-hn", "POST", "/api/v1/inspection-plans", planBody(2039), 201, 200);
        plans.add(draftPlan.path("id").asText());
        if ("DRAFT".equals(draftPlan.path("status").asText())) {
            create("inspector-hn", "POST", "/api/v1/inspection-plans/" + plans.get(0) + "/inspections",
                    SeedRecords.plannedInspection(n, 2039), 201);
        }
        JsonNode inForce = call("inspector-hn", "POST", "/api/v1/inspection-plans", planBody(2038), 201, 200);
        approvedPlan = inForce.path("id").asText();
        if ("DRAFT".equals(inForce.path("status").asText())) {
            create("inspector-hn", "POST", "/api/v1/inspection-plans/" + approvedPlan + "/inspections",
                    SeedRecords.plannedInspection(n + 1, 2038), 201);
            call("inspector-hn", "POST", "/api/v1/inspection-plans/" + approvedPlan + "/submission", null, 200);
            call("chief-inspector-hn", "POST", "/api/v1/inspection-plans/" + approvedPlan + "/approval", null, 200);
        }
        plans.add(approvedPlan);

        String opened = create("inspector-hn", "POST", "/api/v1/inspections", SeedRecords.opening(n, today), 201);
        String concluded = create("inspector-hn", "POST", "/api/v1/inspections", SeedRecords.opening(n + 1, today),
                201);
        call("inspector-hn", "POST", "/api/v1/inspections/" + concluded + "/start",
                SeedRecords.obj("startedOn", today.toString()), 200);
        call("inspector-hn", "POST", "/api/v1/inspections/" + concluded + "/report",
                SeedRecords.obj("submittedOn", today.toString()), 200);
        JsonNode conclusion = call("inspector-hn", "POST", "/api/v1/inspections/" + concluded + "/conclusion",
                SeedRecords.conclusion(n, today), 201);
        recommendation = conclusion.at("/conclusion/recommendations/0/id").asText(null);
        transfer = conclusion.at("/conclusion/transfers/0/id").asText(null);
        if (recommendation == null) {
            recommendation = conclusion.at("/recommendations/0/id").asText(null);
            transfer = conclusion.at("/transfers/0/id").asText(null);
        }
        inspections.add(opened);
        inspections.add(concluded);

        declarant = create("asset-controller", "POST", "/api/v1/declarants", SeedRecords.declarant(n, today), 201);
        String draftDeclaration = create("asset-controller", "POST", "/api/v1/declarations",
                SeedRecords.declaration(declarant, n, today), 201);
        String submitted = create("asset-controller", "POST", "/api/v1/declarations",
                SeedRecords.declaration(declarant, n + 1, today).put("kind", "SUPPLEMENTARY"), 201);
        call("asset-controller", "POST", "/api/v1/declarations/" + submitted + "/submission", null, 200);
        verification = create("asset-controller", "POST", "/api/v1/declarations/" + submitted + "/verifications",
                SeedRecords.obj("reason", "Seed request " + n), 201);
        declarations.add(draftDeclaration);
        declarations.add(submitted);

        JsonNode types = call("partner-demo", "GET", "/api/v1/subscriptions/event-types", null, 200);
        eventType = types.get(0).path("type").asText();
        ObjectNode subscriptionBody = SeedRecords.obj("callbackUrl", SeedRecords.callbackUrl(n));
        subscriptionBody.putArray("eventTypes").add(eventType);
        subscription = create("partner-demo", "POST", "/api/v1/subscriptions", subscriptionBody, 201);

        body = SeedRecords.bodyCode(n);
        call("admin", "POST", "/api/v1/reference/inspection-bodies", SeedRecords.obj("code", body, "name",
                "Hostile test body", "level", "SECTOR", "validFrom", today.toString(), "reason", "Hostile input suite"),
                201);
    }

    private static ObjectNode planBody(int year) {
        ObjectNode o = SeedRecords.obj("bodyCode", "TTT-HN");
        o.put("year", year);
        return o;
    }

    private String create(String role, String method, String path, JsonNode body, int... status) {
        String id = call(role, method, path, body, status).path("id").asText(null);
        if (id == null) {
            throw new IllegalStateException(method + " " + path + " answered no id");
        }
        return id;
    }

    private JsonNode call(String role, String method, String path, JsonNode body, int... statuses) {
        HostileInputThroughGatewayTest.Answer reply = test.setup(role, method, path, body, statuses);
        JsonNode answer = reply.json();
        int status = reply.status();
        String template = path.replaceAll("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "/{id}");
        ledger.record(method + " " + template, path, status, answer == null ? new byte[0] : answer.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8), body == null ? null : body.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        return answer;
    }

    /** A valid id for the path's resource: a real record of the right kind (drawn among several states). */
    String forPath(String path, Random random) {
        if (path.startsWith("/api/v1/cases/")) {
            return cases.get(random.nextInt(cases.size()));
        }
        if (path.contains("/amendments")) {
            return approvedPlan;
        }
        if (path.startsWith("/api/v1/inspection-plans/")) {
            return plans.get(random.nextInt(plans.size()));
        }
        if (path.startsWith("/api/v1/inspections/")) {
            return inspections.get(random.nextInt(inspections.size()));
        }
        if (path.startsWith("/api/v1/recommendations/")) {
            return recommendation;
        }
        if (path.startsWith("/api/v1/transfers/")) {
            return transfer;
        }
        if (path.startsWith("/api/v1/declarants/")) {
            return declarant;
        }
        if (path.startsWith("/api/v1/declarations/")) {
            return declarations.get(random.nextInt(declarations.size()));
        }
        if (path.startsWith("/api/v1/verifications/")) {
            return verification;
        }
        if (path.startsWith("/api/v1/subscriptions/")) {
            return subscription;
        }
        if (path.startsWith("/api/v1/reference/inspection-bodies/")) {
            return body;
        }
        if (path.startsWith("/api/v1/reference/calendar/")) {
            return "2099";
        }
        // overlaps: no conflict is seeded, so a well-formed id that names nothing
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Puts the seed declarant into a body that names one. */
    void fill(JsonNode body) {
        if (body instanceof ObjectNode o && "{declarantId}".equals(o.path("declarantId").asText())) {
            o.put("declarantId", declarant);
        }
    }
}

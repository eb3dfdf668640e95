package vn.inspectorate.e2e.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.inspectorate.e2e.access.Principal.Role.ASSET_CONTROLLER;
import static vn.inspectorate.e2e.access.Principal.Role.CENTRAL_ANALYST;
import static vn.inspectorate.e2e.access.Principal.Role.INSPECTOR;
import static vn.inspectorate.e2e.access.Principal.Role.PARTNER;
import static vn.inspectorate.e2e.access.Principal.Role.PLATFORM_ADMIN;
import static vn.inspectorate.e2e.access.Principal.Role.PROVINCIAL_SYSTEM;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.e2e.RunningPlatform;
import vn.inspectorate.e2e.access.Principal.Role;

/**
 * Every endpoint of every service, through the gateway, for every role and scope: the account's own province, the
 * other province, no token and refused tokens (expired, another realm, another key, unsigned). Each cell's status is
 * what the services' READMEs promise. Then the read side: a province's lists, totals, reports and drill-downs show
 * nothing of the other province and do not move when the other province adds records.
 */
@Order(50)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixTest {

    /** What a cell must answer. */
    enum Outcome {
        UNAUTHENTICATED, FORBIDDEN, NOT_FOUND,
        /** A 2xx answer. */
        OK,
        /**
         * Past every access check: a 2xx, or the service's own verdict on the request (400/409/422) for writes whose
         * answer depends on the record's state, which earlier cells of the matrix change.
         */
        ANSWERED,
        /** Past every access check, a body that can never be valid: the 400 problem its operation documents. */
        INVALID,
        /** Past every access check, a request the partner's rules refuse: the 422 its operation documents. */
        UNPROCESSABLE;

        boolean accepts(int status) {
            return switch (this) {
                case UNAUTHENTICATED -> status == 401;
                case FORBIDDEN -> status == 403;
                case NOT_FOUND -> status == 404;
                case OK -> status >= 200 && status < 300;
                case ANSWERED -> (status >= 200 && status < 300) || status == 400 || status == 409 || status == 422;
                case INVALID -> status == 400;
                case UNPROCESSABLE -> status == 422;
            };
        }
    }

    /** A cell's expectation for a principal and the province of the record (or scope) the request names. */
    @FunctionalInterface
    interface Rule {
        Outcome expect(Principal p, String targetProvince);
    }

    /** One operation: method, path template ({case}, {inspection}, ... filled per province), sample body, rule. */
    /** {@code anonymous}: what a caller without a valid token gets (null: 401; a public view: its own answer). */
    record Endpoint(String method, String path, Object body, boolean scoped, Rule rule, Outcome anonymous) {

        Endpoint(String method, String path, Object body, boolean scoped, Rule rule) {
            this(method, path, body, scoped, rule, null);
        }

        Outcome withoutToken() {
            return anonymous == null ? Outcome.UNAUTHENTICATED : anonymous;
        }
    }

    private static final String HN = "VN-HN";
    private static final String NB = "VN-18";
    /** An id no record has: operations on records that are not per province answer 404 to those allowed. */
    private static final String NO_SUCH_ID = UUID.randomUUID().toString();

    /** The gateway's route table (gateway/README.md): prefix, roles for every method, extra roles for reads. */
    private static final Map<String, Set<Role>[]> GATEWAY_ROUTES = new LinkedHashMap<>();

    static {
        Set<Role> caseRoles = EnumSet.of(PROVINCIAL_SYSTEM, INSPECTOR, CENTRAL_ANALYST, PLATFORM_ADMIN);
        Set<Role> declarationRoles = EnumSet.of(PROVINCIAL_SYSTEM, ASSET_CONTROLLER, INSPECTOR, CENTRAL_ANALYST,
                PLATFORM_ADMIN);
        route("/api/v1/cases", caseRoles);
        route("/api/v1/watchlist", EnumSet.of(INSPECTOR, CENTRAL_ANALYST, PLATFORM_ADMIN));
        route("/api/v1/administrative-units", EnumSet.allOf(Role.class));
        route("/api/v1/case-rule-sets", caseRoles);
        for (String prefix : List.of("/api/v1/inspections", "/api/v1/inspection-plans", "/api/v1/inspection-bodies",
                "/api/v1/duration-rules", "/api/v1/overlaps", "/api/v1/follow-ups")) {
            route(prefix, caseRoles);
        }
        route("/api/v1/recommendations", EnumSet.of(PROVINCIAL_SYSTEM, INSPECTOR));
        route("/api/v1/transfers", EnumSet.of(PROVINCIAL_SYSTEM, INSPECTOR));
        route("/api/v1/declarations", declarationRoles);
        route("/api/v1/declarants", declarationRoles);
        route("/api/v1/access-log", EnumSet.of(ASSET_CONTROLLER, CENTRAL_ANALYST, PLATFORM_ADMIN));
        route("/api/v1/agencies", EnumSet.of(ASSET_CONTROLLER));
        route("/api/v1/verification-plans", EnumSet.of(ASSET_CONTROLLER, CENTRAL_ANALYST, PLATFORM_ADMIN));
        route("/api/v1/declaration-rules", EnumSet.of(ASSET_CONTROLLER, CENTRAL_ANALYST, PLATFORM_ADMIN));
        route("/api/v1/verifications", EnumSet.of(ASSET_CONTROLLER));
        // anonymous: every caller, with or without a token
        route("/api/v1/public-declarations", EnumSet.allOf(Role.class));
        GATEWAY_ROUTES.put("/api/v1/reports", roles(EnumSet.of(CENTRAL_ANALYST, PROVINCIAL_SYSTEM, INSPECTOR,
                ASSET_CONTROLLER, PLATFORM_ADMIN), EnumSet.of(PARTNER)));
        route("/api/v1/subscriptions", EnumSet.of(PARTNER));
        GATEWAY_ROUTES.put("/api/v1/reference", roles(EnumSet.of(PLATFORM_ADMIN), EnumSet.of(PROVINCIAL_SYSTEM,
                INSPECTOR, CENTRAL_ANALYST, ASSET_CONTROLLER, PARTNER)));
    }

    private static ProvinceRecords hanoi;
    private static ProvinceRecords ninhBinh;
    private static final List<String> disagreements = new ArrayList<>();
    private static int cells;
    private static final Map<Outcome, Integer> cellsByOutcome = new java.util.EnumMap<>(Outcome.class);

    private final Platform platform = RunningPlatform.get();
    private final String gateway = platform.gatewayUrl();

    @BeforeAll
    static void createRecordsOfBothProvinces() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        hanoi = ProvinceRecords.create(Principal.PROVINCE_HN, Principal.INSPECTOR_HN, "TTT-HN", "UBND-HN",
                "hn-" + suffix);
        ninhBinh = ProvinceRecords.create(Principal.PROVINCE_NB, Principal.INSPECTOR_NB, "TTT-NB", "UBND-NB",
                "nb-" + suffix);
    }

    // ------------------------------------------------------------------------------------------------ the matrix

    @Test
    @Order(2)
    void everyEndpointAnswersEveryRoleAndTokenAsDocumented() {
        Map<String, String> badTokens = BadTokens.all();
        List<Endpoint> endpoints = endpoints();
        long began = System.nanoTime();
        for (Endpoint e : endpoints) {
            // no token, refused tokens: the gateway refuses them, and so does the owning service when called directly
            String direct = directUrl(e.path());
            check(e, "no token", null, HN, e.withoutToken(), gateway);
            if (direct != null) {
                check(e, "no token (service directly)", null, HN, e.withoutToken(), direct);
            }
            for (var bad : badTokens.entrySet()) {
                check(e, bad.getKey(), bad.getValue(), HN, e.withoutToken(), gateway);
                if (direct != null) {
                    check(e, bad.getKey() + " (service directly)", bad.getValue(), HN, e.withoutToken(), direct);
                }
            }
            for (Principal p : Principal.values()) {
                for (String target : e.scoped() ? List.of(HN, NB) : List.of(HN)) {
                    check(e, p.account, p.token(), target, expected(e, p, target), gateway);
                }
            }
        }
        System.out.printf("[access] matrix: %d endpoints x (%d principals x own/other province + no token + %d "
                + "refused tokens, also directly at the service): %d cells checked in %d s, %d disagreements%n",
                endpoints.size(), Principal.values().length, badTokens.size(), cells,
                (System.nanoTime() - began) / 1_000_000_000L, disagreements.size());
        System.out.println("[access] cells by expected outcome: " + cellsByOutcome);
        disagreements.forEach(d -> System.out.println("[access] disagreement: " + d));
        assertThat(disagreements).as("cells whose status differs from the documented rule").isEmpty();
    }

    /** A new operation without a row here fails: the table is checked against the platform's merged OpenAPI. */
    @Test
    @Order(3)
    void theTableHoldsEveryOperationOfThePlatformsOpenApi() {
        Set<String> published = new TreeSet<>();
        await("the gateway's OpenAPI merges every service's", () -> {
            published.clear();
            Map<String, Map<String, Object>> paths = given().get(gateway + "/q/openapi?format=json").then()
                    .statusCode(200).extract().jsonPath().getMap("paths");
            paths.forEach((path, operations) -> operations.keySet().stream()
                    .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                    .forEach(m -> published.add(m.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{[^}]+}",
                            "{}"))));
            return published.containsAll(List.of("GET /api/v1/cases/{}", "GET /api/v1/inspections/{}",
                    "GET /api/v1/access-log", "GET /api/v1/reports/summary"));
        });
        Set<String> tabled = new TreeSet<>();
        endpoints().forEach(e -> tabled.add(e.method() + " " + e.path().replaceAll("\\?.*", "")
                .replaceAll("\\{[^}]+}", "{}")));
        assertThat(tabled).as("operations in the matrix against the merged OpenAPI").isEqualTo(published);
        System.out.printf("[access] the matrix's table holds all %d operations of the platform's OpenAPI%n",
                published.size());
    }

    /** The gateway's coarse role check first, then the service's rule. */
    private static Outcome expected(Endpoint e, Principal p, String target) {
        Set<Role>[] route = GATEWAY_ROUTES.entrySet().stream()
                .filter(r -> e.path().equals(r.getKey()) || e.path().startsWith(r.getKey() + "/")
                        || e.path().startsWith(r.getKey() + "?") || e.path().startsWith(r.getKey() + ":"))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no route for " + e));
        boolean read = e.method().equals("GET");
        if (!route[0].contains(p.role) && !(read && route[1].contains(p.role))) {
            return Outcome.FORBIDDEN;
        }
        return e.rule().expect(p, target);
    }

    private void check(Endpoint e, String who, String token, String target, Outcome expected, String base) {
        ProvinceRecords records = target.equals(HN) ? hanoi : ninhBinh;
        String path = fill(e.path(), records);
        RequestSpecification request = given().header("X-Access-Purpose", "access matrix check");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (e.body() != null) {
            request = request.contentType(ContentType.JSON).body(fillBody(e.body(), records));
        }
        RequestSpecification prepared = request;
        Response r = EdgeRetry.untilAnswered(() -> prepared.request(e.method(), base + path));
        cells++;
        cellsByOutcome.merge(expected, 1, Integer::sum);
        if (!expected.accepts(r.statusCode())) {
            disagreements.add(String.format("%s %s as %s on %s's record: expected %s, got %d %s", e.method(), e.path(),
                    who, target, expected, r.statusCode(), abbreviate(r.asString())));
        } else if (base.equals(gateway) && r.statusCode() >= 400
                && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            disagreements.add(String.format("%s %s as %s: %d is not a problem document (%s)", e.method(), e.path(),
                    who, r.statusCode(), r.contentType()));
        }
    }

    private String directUrl(String path) {
        String module = path.startsWith("/api/v1/subscriptions") ? null
                : path.startsWith("/api/v1/cases") || path.startsWith("/api/v1/case-rule-sets")
                        || path.startsWith("/api/v1/watchlist")
                        || path.startsWith("/api/v1/administrative-units") ? "complaints-service"
                : path.startsWith("/api/v1/reports") ? "reporting-service"
                : path.startsWith("/api/v1/declar") || path.startsWith("/api/v1/access-log")
                        || path.startsWith("/api/v1/agencies") || path.startsWith("/api/v1/verification")
                        || path.startsWith("/api/v1/public-declarations") ? "asset-declaration-service"
                : "inspection-service";
        return module == null ? null : platform.serviceUrl(module);
    }

    private static String fill(String template, ProvinceRecords records) {
        String filled = template.replace("{province}", records.province()).replace("{body}", records.bodyCode())
                .replace("{agency}", records.agencyCode()).replace("{none}", NO_SUCH_ID)
                .replace("{year}", Integer.toString(ProvinceRecords.today().getYear()))
                .replace("{today}", ProvinceRecords.today().toString())
                .replace("{citizen}", records.province().equals(HN) ? "001099000121" : "001099000122");
        for (var id : records.ids().entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    private static Object fillBody(Object body, ProvinceRecords records) {
        if (body instanceof String s) {
            return fill(s, records);
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> filled = new LinkedHashMap<>();
            map.forEach((k, v) -> filled.put((String) k, fillBody(v, records)));
            return filled;
        }
        if (body instanceof List<?> list) {
            return list.stream().map(v -> fillBody(v, records)).toList();
        }
        return body;
    }

    // ------------------------------------------------------------------------------------ rules of the READMEs

    /** Role check only: the listed roles get {@code outcome}, the others 403. */
    private static Rule only(Outcome outcome, Role... roles) {
        Set<Role> allowed = EnumSet.of(roles[0], roles);
        return (p, t) -> allowed.contains(p.role) ? outcome : Outcome.FORBIDDEN;
    }

    /** Role check, then the record's province: out of reach is 404. */
    private static Rule scoped(Outcome outcome, Visibility visibility, Role... roles) {
        Set<Role> allowed = EnumSet.of(roles[0], roles);
        return (p, t) -> !allowed.contains(p.role) ? Outcome.FORBIDDEN
                : visibility.sees(p, t) ? outcome : Outcome.NOT_FOUND;
    }

    @FunctionalInterface
    interface Visibility {
        boolean sees(Principal p, String province);
    }

    /** Complaints: a provincial role sees its province; analysts and admins the nation. */
    private static boolean caseVisible(Principal p, String province) {
        return p.is(CENTRAL_ANALYST, PLATFORM_ADMIN) || province.equals(p.province);
    }

    /** Inspections: also central inspectors (no province claim) read the nation. */
    private static boolean inspectionVisible(Principal p, String province) {
        return caseVisible(p, province) || (p.is(INSPECTOR) && p.province == null);
    }

    /** Inspection writes: the province's own systems and inspectors (central staff act for central bodies only). */
    private static Rule inspectionWrite(Role... roles) {
        Set<Role> allowed = EnumSet.of(roles[0], roles);
        return (p, t) -> !allowed.contains(p.role) ? Outcome.FORBIDDEN
                : t.equals(p.province) ? Outcome.ANSWERED
                : inspectionVisible(p, t) ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
    }

    /** Declarations: the central controller and national readers see everything, a provincial system its province. */
    private static boolean declarationVisible(Principal p, String province) {
        return p.is(ASSET_CONTROLLER, CENTRAL_ANALYST, PLATFORM_ADMIN) || province.equals(p.province);
    }

    /**
     * Reports: national readers (central analysts, administrators, inspectors of the Government Inspectorate bound to
     * no province) and partners (aggregates) any province; provincial roles their own (else 403).
     */
    private static Rule reportRead(boolean partnerToo) {
        return (p, t) -> p.is(CENTRAL_ANALYST, PLATFORM_ADMIN) || p == Principal.CHIEF_INSPECTOR_TTCP
                || (partnerToo && p.is(PARTNER)) ? Outcome.OK
                : p.is(PROVINCIAL_SYSTEM, INSPECTOR) && t.equals(p.province) ? Outcome.OK : Outcome.FORBIDDEN;
    }

    private static Endpoint get(String path, boolean scoped, Rule rule) {
        return new Endpoint("GET", path, null, scoped, rule);
    }

    private static Endpoint post(String path, Object body, boolean scoped, Rule rule) {
        return new Endpoint("POST", path, body, scoped, rule);
    }

    /**
     * The table: every operation of the services' OpenAPI documents and of the gateway's own, in an order where the
     * writes of one cell do not take the records out of reach of the next.
     */
    static List<Endpoint> endpoints() {
        String today = "{today}";
        Rule caseRead = scoped(Outcome.OK, AccessMatrixTest::caseVisible, PROVINCIAL_SYSTEM, INSPECTOR,
                CENTRAL_ANALYST, PLATFORM_ADMIN);
        Rule caseCommand = scoped(Outcome.ANSWERED, AccessMatrixTest::caseVisible, INSPECTOR);
        Rule inspectionRead = scoped(Outcome.OK, AccessMatrixTest::inspectionVisible, PROVINCIAL_SYSTEM, INSPECTOR,
                CENTRAL_ANALYST, PLATFORM_ADMIN);
        Rule inspectionList = only(Outcome.OK, PROVINCIAL_SYSTEM, INSPECTOR, CENTRAL_ANALYST, PLATFORM_ADMIN);
        Rule inspectionCommand = inspectionWrite(PROVINCIAL_SYSTEM, INSPECTOR);
        // creating for another province's body: nothing to hide, the caller may just not act for that body
        Rule inspectionCreate = (p, t) -> p.is(PROVINCIAL_SYSTEM, INSPECTOR) && t.equals(p.province)
                ? Outcome.ANSWERED : Outcome.FORBIDDEN;
        Rule declarationSummary = scoped(Outcome.OK, AccessMatrixTest::declarationVisible, PROVINCIAL_SYSTEM,
                ASSET_CONTROLLER, CENTRAL_ANALYST, PLATFORM_ADMIN);
        Rule declarationFiling = scoped(Outcome.ANSWERED, (p, t) -> p.is(ASSET_CONTROLLER) || t.equals(p.province),
                PROVINCIAL_SYSTEM, ASSET_CONTROLLER);
        Rule controller = scoped(Outcome.ANSWERED, (p, t) -> true, ASSET_CONTROLLER);
        Rule noSuchForController = only(Outcome.NOT_FOUND, ASSET_CONTROLLER);

        List<Endpoint> e = new ArrayList<>();
        // ---- complaints-service
        e.add(get("/api/v1/administrative-units?on={today}", false, (p, t) -> Outcome.OK));
        e.add(get("/api/v1/cases", false, (p, t) -> p.is(CENTRAL_ANALYST, PLATFORM_ADMIN) || p.province != null
                ? Outcome.OK : Outcome.FORBIDDEN));
        e.add(get("/api/v1/cases?province={province}", true, (p, t) -> caseVisible(p, t) ? Outcome.OK
                : Outcome.FORBIDDEN));
        e.add(get("/api/v1/cases/{case}", true, caseRead));
        e.add(get("/api/v1/cases/{case}/history", true, caseRead));
        e.add(get("/api/v1/cases/{case}/identity", true, scoped(Outcome.OK, (p, t) -> t.equals(p.province),
                INSPECTOR)));
        // central roles, and inspectors for their own province's cases (central inspectors see no cases here)
        e.add(get("/api/v1/watchlist/without-progress?month=" + ProvinceRecords.today().toString().substring(0, 7),
                false, (p, t) -> p.is(CENTRAL_ANALYST, PLATFORM_ADMIN) || (p.is(INSPECTOR) && p.province != null)
                        ? Outcome.OK : Outcome.FORBIDDEN));
        // the rule sets of the case clocks: the case roles read, a platform admin adds; the write carries no values,
        // so the admin's answer is the 400 its operation documents and no set is added under the other cells' feet
        Rule ruleSetRead = only(Outcome.OK, PROVINCIAL_SYSTEM, INSPECTOR, CENTRAL_ANALYST, PLATFORM_ADMIN);
        e.add(get("/api/v1/case-rule-sets", false, ruleSetRead));
        e.add(get("/api/v1/case-rule-sets/{none}", false, only(Outcome.NOT_FOUND, PROVINCIAL_SYSTEM, INSPECTOR,
                CENTRAL_ANALYST, PLATFORM_ADMIN)));
        e.add(post("/api/v1/case-rule-sets", Map.of("version", "matrix"), false, only(Outcome.INVALID,
                PLATFORM_ADMIN)));
        e.add(post("/api/v1/cases", ProvinceRecords.complaint("{province}", "{body}", "matrix-{province}"), true,
                (p, t) -> !p.is(PROVINCIAL_SYSTEM) ? Outcome.FORBIDDEN
                        : t.equals(p.province) ? Outcome.ANSWERED : Outcome.FORBIDDEN));
        e.add(post("/api/v1/cases/batch", Map.of("cases", List.of(ProvinceRecords.complaint("{province}", "{body}",
                "matrix-batch-{province}"))), true, only(Outcome.ANSWERED, PROVINCIAL_SYSTEM)));
        e.add(post("/api/v1/cases:batch", Map.of("cases", List.of(ProvinceRecords.complaint("{province}", "{body}",
                "matrix-batch-alias-{province}"))), true, only(Outcome.ANSWERED, PROVINCIAL_SYSTEM)));
        e.add(post("/api/v1/cases/{case}/classify", Map.of("kind", "COMPLAINT"), true, caseCommand));
        e.add(post("/api/v1/cases/{case}/accept", Map.of("acceptedOn", today), true, caseCommand));
        e.add(post("/api/v1/cases/{case}/assign", Map.of("handlingBodyCode", "{body}"), true, caseCommand));
        e.add(post("/api/v1/cases/{case}/extend", Map.of("reasonCode", "COMPLEX", "decisionReference", "GH-1",
                "decidedOn", today), true, caseCommand));
        e.add(post("/api/v1/cases/{case}/pause", Map.of("reason", "awaiting expert opinion", "pausedOn", today), true,
                caseCommand));
        e.add(post("/api/v1/cases/{case}/resume", Map.of("resumedOn", today), true, caseCommand));
        e.add(post("/api/v1/cases/{case}/withdraw-part", Map.of("withdrawnPart", "second claim",
                "withdrawnOn", today), true, caseCommand));
        e.add(post("/api/v1/cases/{case}/notify-denouncer", Map.of("notifiedOn", today), true, caseCommand));
        e.add(post("/api/v1/cases/{case}/watchlist", Map.of("decisionReference", "WL-1", "decidedOn", today), true,
                scoped(Outcome.ANSWERED, AccessMatrixTest::caseVisible, CENTRAL_ANALYST, PLATFORM_ADMIN)));
        e.add(post("/api/v1/cases/{case}/watchlist/progress", Map.of("reportMonth",
                ProvinceRecords.today().toString().substring(0, 7), "stage", "VERIFYING"), true, caseCommand));
        e.add(post("/api/v1/cases/{case}/watchlist/removal", Map.of("decisionReference", "WL-2", "decidedOn", today),
                true, scoped(Outcome.ANSWERED, AccessMatrixTest::caseVisible, CENTRAL_ANALYST, PLATFORM_ADMIN)));
        e.add(post("/api/v1/cases/{case}/resolve", Map.of("outcome", "UPHELD", "decisionReference", "QD-GQ-1",
                "resolvedOn", today), true, caseCommand));
        e.add(post("/api/v1/cases/{case}/not-accept", Map.of("reasonCode", "OTHER", "decisionReference", "TB-1",
                "decidedOn", today), true, caseCommand));
        e.add(post("/api/v1/cases/{case}/escalate", Map.of("toBodyCode", "{body}", "filedOn", today), true,
                caseCommand));
        e.add(post("/api/v1/cases/{case}/transfer", Map.of("toBodyCode", "{body}", "toProvinceCode", "{province}",
                "reasonCode", "NOT_COMPETENT"), true, caseCommand));
        e.add(post("/api/v1/cases/{case}/close", Map.of("closureReason", "RESOLVED", "closedOn", today), true,
                caseCommand));

        // ---- inspection-service
        e.add(get("/api/v1/inspection-bodies", false, inspectionList));
        e.add(get("/api/v1/duration-rules", false, inspectionList));
        e.add(get("/api/v1/inspection-plans", false, inspectionList));
        e.add(get("/api/v1/inspection-plans/{plan}", true, inspectionRead));
        e.add(get("/api/v1/inspections", false, inspectionList));
        e.add(get("/api/v1/inspections/{inspection}", true, inspectionRead));
        // an empty bulk write: past the access checks, the 400 its operation documents; nothing written
        e.add(post("/api/v1/inspections/batch", Map.of("inspections", List.of()), false,
                only(Outcome.INVALID, PROVINCIAL_SYSTEM, INSPECTOR, PLATFORM_ADMIN)));
        e.add(get("/api/v1/overlaps?year={year}", false, inspectionList));
        e.add(get("/api/v1/follow-ups/overdue?asOf={today}", false, inspectionList));
        e.add(post("/api/v1/inspection-plans", Map.of("bodyCode", "{body}", "year",
                ProvinceRecords.today().getYear() + 1), true, inspectionCreate));
        // a past year's plan loaded as history: a provincial system for its own province's bodies, or the platform
        // admin; its approval date lies outside the plan's year and the year before, a 422 after the access checks, so
        // no cell writes a plan
        int pastYear = ProvinceRecords.today().getYear() - 2;
        e.add(post("/api/v1/inspection-plans", Map.of("bodyCode", "{body}", "year", pastYear, "backfilled", true,
                "approvedOn", (pastYear - 3) + "-12-20", "inspections", List.of(Map.of("entity",
                        Map.of("code", "ENT-PLAN-{body}", "kind", "PUBLIC_BODY", "name", "Planned entity",
                                "provinceCode", "{province}"), "subject", "LAND", "type", "ADMINISTRATIVE",
                        "plannedStart", pastYear + "-03-01", "durationDays", 30))), true,
                (p, t) -> p.is(PLATFORM_ADMIN) || (p.is(PROVINCIAL_SYSTEM) && t.equals(p.province))
                        ? Outcome.UNPROCESSABLE : Outcome.FORBIDDEN));
        e.add(post("/api/v1/inspection-plans/{plan}/inspections", Map.of("entity", Map.of("code", "ENT-PLAN-{body}",
                "kind", "PUBLIC_BODY", "name", "Planned entity", "provinceCode", "{province}"), "subject", "LAND",
                "type", "INSPECTION", "plannedStart", (ProvinceRecords.today().getYear() + 1) + "-03-01",
                "durationDays", 30), true, inspectionCommand));
        e.add(post("/api/v1/inspection-plans/{plan}/submission", null, true, inspectionCommand));
        Rule approval = (p, t) -> !p.is(INSPECTOR) ? Outcome.FORBIDDEN
                : !inspectionVisible(p, t) ? Outcome.NOT_FOUND
                : p == Principal.CHIEF_INSPECTOR_HN && t.equals(HN) ? Outcome.ANSWERED : Outcome.FORBIDDEN;
        e.add(post("/api/v1/inspection-plans/{plan}/approval", null, true, approval));
        e.add(post("/api/v1/inspection-plans/{plan}/amendments", Map.of("reason", "new signs of violations",
                "withdraw", List.of()), true, approval));
        e.add(post("/api/v1/overlaps/{none}/settlement", Map.of("proceedingBodyCode", "{body}", "note", "ours"),
                false, only(Outcome.NOT_FOUND, INSPECTOR)));
        e.add(post("/api/v1/inspections", ProvinceRecords.adHocInspection("{province}", "{body}", "matrix-{body}"),
                true, inspectionCreate));
        e.add(post("/api/v1/inspections/{inspection}/start", Map.of("startedOn", today), true, inspectionCommand));
        e.add(post("/api/v1/inspections/{inspection}/extensions", Map.of("extraDays", 10, "reasonCode", "COMPLEX",
                "decidedOn", today), true, inspectionCommand));
        e.add(post("/api/v1/inspections/{inspection}/report", Map.of("submittedOn", today), true,
                inspectionCommand));
        e.add(post("/api/v1/inspections/{inspection}/conclusion", ProvinceRecords.conclusion("KL-MATRIX"), true,
                inspectionCommand));
        e.add(post("/api/v1/recommendations/{recommendation}/payments", Map.of("reference", "PAY-{body}",
                "amountVnd", 1_000_000L, "paidOn", today), true, inspectionCommand));
        e.add(post("/api/v1/recommendations/{recommendation}/completion", Map.of("doneOn", today), true,
                inspectionCommand));
        e.add(post("/api/v1/transfers/{transfer}/acknowledgement", Map.of("acknowledgedOn", today,
                "accepted", true), true, inspectionCommand));
        e.add(post("/api/v1/inspections/{inspection}/follow-up", null, true, inspectionCommand));
        e.add(post("/api/v1/inspections/{inspection}/closure", Map.of("closedOn", today), true, inspectionCommand));

        // ---- asset-declaration-service
        e.add(get("/api/v1/declarants", false, only(Outcome.OK, PROVINCIAL_SYSTEM, ASSET_CONTROLLER,
                CENTRAL_ANALYST, PLATFORM_ADMIN)));
        e.add(get("/api/v1/declarants/{declarant}", true, declarationSummary));
        e.add(get("/api/v1/declarations", false, only(Outcome.OK, PROVINCIAL_SYSTEM, ASSET_CONTROLLER,
                CENTRAL_ANALYST, PLATFORM_ADMIN)));
        e.add(get("/api/v1/declarations/{declaration}/summary", true, declarationSummary));
        e.add(get("/api/v1/declarations/{declaration}", true, only(Outcome.OK, ASSET_CONTROLLER)));
        e.add(get("/api/v1/declarations/{declaration}/verifications", true, only(Outcome.OK, ASSET_CONTROLLER)));
        e.add(get("/api/v1/access-log", false, only(Outcome.OK, ASSET_CONTROLLER, CENTRAL_ANALYST, PLATFORM_ADMIN)));
        e.add(get("/api/v1/agencies/{agency}/overdue-declarations?year={year}&asOf={today}", true,
                only(Outcome.OK, ASSET_CONTROLLER)));
        e.add(get("/api/v1/verification-plans/{none}", false, only(Outcome.NOT_FOUND, ASSET_CONTROLLER,
                CENTRAL_ANALYST, PLATFORM_ADMIN)));
        e.add(get("/api/v1/verifications/{none}", false, noSuchForController));
        // the public view needs no token (nor checks one); not published: out of everyone's sight
        e.add(new Endpoint("GET", "/api/v1/public-declarations/{declaration}", null, true, (p, t) -> Outcome.NOT_FOUND,
                Outcome.NOT_FOUND));
        e.add(get("/api/v1/agencies/{agency}/supplementary-declarations?year={year}&asOf={today}", true,
                only(Outcome.OK, ASSET_CONTROLLER)));
        // transfers between agencies: the central controller alone
        e.add(get("/api/v1/declarants/transfers", false, only(Outcome.OK, ASSET_CONTROLLER)));
        e.add(post("/api/v1/declarants/transfers/{none}/confirmation", Map.of("transferredOn", today), false,
                noSuchForController));
        e.add(post("/api/v1/declarants", ProvinceRecords.declarant("{province}", "{agency}", "Matrix Official",
                "{citizen}", "9 Matrix Street"), true, (p, t) -> p.is(ASSET_CONTROLLER)
                        || (p.is(PROVINCIAL_SYSTEM) && t.equals(p.province)) ? Outcome.ANSWERED : Outcome.FORBIDDEN));
        e.add(post("/api/v1/declarants/{declarant}/changes", Map.of("kind", "ASSET_INCREASE", "occurredOn", today,
                "increaseVnd", 1), true, declarationFiling));
        e.add(post("/api/v1/declarants/{declarant}/reminders", Map.of("year", ProvinceRecords.today().getYear(),
                "remindedOn", today), true, controller));
        e.add(post("/api/v1/declarations", ProvinceRecords.declaration("{declarant}", "Matrix house"), true,
                declarationFiling));
        e.add(post("/api/v1/declarations/{declaration}/submission", null, true, declarationFiling));
        e.add(post("/api/v1/declarations/{declaration}/correction", Map.of("items", List.of(Map.of("category",
                "SALARY", "valueVnd", 310_000_000L, "description", "Salary"))), true, declarationFiling));
        e.add(post("/api/v1/declarations/{declaration}/verifications", Map.of("reason",
                "requested by the Ha Noi police after a denunciation"), true, controller));
        e.add(post("/api/v1/declarations/{declaration}/publication", Map.of("publishedOn", today), true,
                controller));
        e.add(post("/api/v1/verification-plans", Map.of("agencyCode", "{agency}", "year",
                ProvinceRecords.today().getYear() - 1), true, controller));
        e.add(post("/api/v1/verifications/{none}/conclusion", Map.of("conclusion", "HONEST", "findings",
                "explained", "unexplainedIncreaseVnd", 0, "concludedOn", today), false,
                noSuchForController));

        // ---- inspection-service: reference data kept by platform admins; any role reads. The writes carry no
        // reason, so the admin's answer is a 400 that changes nothing for the other cells.
        Rule everyone = only(Outcome.OK, Role.values());
        Rule admin = only(Outcome.ANSWERED, PLATFORM_ADMIN);
        e.add(get("/api/v1/reference/inspection-bodies", false, everyone));
        e.add(get("/api/v1/reference/inspection-bodies/{body}", false, everyone));
        e.add(get("/api/v1/reference/calendar/{year}", false, everyone));
        e.add(get("/api/v1/reference/changes", false, everyone));
        e.add(post("/api/v1/reference/inspection-bodies", Map.of("code", "TT-MATRIX"), false, admin));
        for (String step : List.of("renaming", "merger", "retirement", "confirmation")) {
            e.add(post("/api/v1/reference/inspection-bodies/{body}/" + step, Map.of("from", today), false, admin));
        }
        e.add(new Endpoint("PUT", "/api/v1/reference/calendar/{year}", Map.of("source", "matrix"), false, admin));
        e.add(post("/api/v1/duration-rules", Map.of("source", "matrix"), false, admin));

        // ---- asset-declaration-service: the dated rules; platform admins add versions (the writes carry no reason,
        // so the admin's answer is a 400 that changes nothing), controllers and analysts read
        Rule ruleReaders = only(Outcome.OK, ASSET_CONTROLLER, CENTRAL_ANALYST, PLATFORM_ADMIN);
        e.add(get("/api/v1/declaration-rules", false, ruleReaders));
        e.add(get("/api/v1/declaration-rules/changes", false, ruleReaders));
        e.add(post("/api/v1/declaration-rules/parameters", Map.of("source", "matrix"), false, admin));
        e.add(post("/api/v1/declaration-rules/red-flags", Map.of("description", "matrix"), false, admin));

        // ---- reporting-service
        String period = "period=" + ProvinceRecords.today().getYear();
        e.add(get("/api/v1/reports/figures", false, only(Outcome.OK, CENTRAL_ANALYST, PLATFORM_ADMIN,
                PROVINCIAL_SYSTEM, INSPECTOR, PARTNER)));
        e.add(get("/api/v1/reports/summary?" + period + "&province={province}", true, reportRead(true)));
        e.add(get("/api/v1/reports/series?figure=cases.received&granularity=month&" + period
                + "&province={province}", true, reportRead(true)));
        e.add(get("/api/v1/reports/breakdown?figure=cases.received&by=body&" + period + "&province={province}", true,
                reportRead(true)));
        e.add(get("/api/v1/reports/drill-down?figure=cases.received&" + period + "&province={province}", true,
                reportRead(false)));
        e.add(get("/api/v1/reports/national?" + period + "&format=json&province={province}", true,
                reportRead(true)));
        // published reports: each reader lists what it may read (a province its own), central staff every one
        e.add(get("/api/v1/reports/publications", false, only(Outcome.OK, CENTRAL_ANALYST, PLATFORM_ADMIN, PARTNER,
                PROVINCIAL_SYSTEM, INSPECTOR)));
        e.add(get("/api/v1/reports/publications/{none}", false, only(Outcome.NOT_FOUND, CENTRAL_ANALYST,
                PLATFORM_ADMIN, PARTNER, PROVINCIAL_SYSTEM, INSPECTOR)));
        // an invalid body: past the access checks it is refused as such, so no period is actually closed (central
        // staff close the national report, a province its own)
        e.add(post("/api/v1/reports/publications", Map.of("period", "not-a-period"), false,
                only(Outcome.INVALID, CENTRAL_ANALYST, PLATFORM_ADMIN, PROVINCIAL_SYSTEM, INSPECTOR)));
        e.add(get("/api/v1/reports/admin/positions", false, only(Outcome.OK, PLATFORM_ADMIN)));
        e.add(get("/api/v1/reports/admin/rebuilds/{none}", false, only(Outcome.NOT_FOUND, PLATFORM_ADMIN)));
        // likewise: a rebuild would replay every topic under the other test classes' feet
        e.add(post("/api/v1/reports/admin/rebuilds", Map.of("unknownField", true), false,
                only(Outcome.ANSWERED, PLATFORM_ADMIN)));

        // ---- gateway (partner webhook subscriptions)
        Rule partner = only(Outcome.OK, PARTNER);
        e.add(get("/api/v1/subscriptions", false, partner));
        e.add(get("/api/v1/subscriptions/event-types", false, partner));
        e.add(get("/api/v1/subscriptions/{none}", false, only(Outcome.NOT_FOUND, PARTNER)));
        e.add(get("/api/v1/subscriptions/{none}/deliveries", false, only(Outcome.NOT_FOUND, PARTNER)));
        // a callback on a reserved name: refused (422) by the partner's own rules, never created
        e.add(post("/api/v1/subscriptions", Map.of("callbackUrl", "https://hooks.partner.invalid/inspectorate",
                "eventTypes", List.of("vn.inspectorate.public.case-status-changed.v1")), false,
                only(Outcome.UNPROCESSABLE, PARTNER)));
        e.add(post("/api/v1/subscriptions/{none}/pause", null, false, only(Outcome.NOT_FOUND, PARTNER)));
        e.add(post("/api/v1/subscriptions/{none}/resume", null, false, only(Outcome.NOT_FOUND, PARTNER)));
        e.add(new Endpoint("DELETE", "/api/v1/subscriptions/{none}", null, false, only(Outcome.NOT_FOUND, PARTNER)));
        return e;
    }

    // ----------------------------------------------------------------------------- nothing leaks through reads

    @Test
    @Order(1)
    void aProvincesListsReportsAndDrillDownsShowNothingOfTheOtherProvince() {
        String year = Integer.toString(ProvinceRecords.today().getYear());
        Principal system = Principal.PROVINCE_HN;
        Principal inspector = Principal.INSPECTOR_HN;
        // reporting has heard of Ha Noi's records before the figures are read
        await("reporting counts Ha Noi's case", () -> drillDown(system, "cases.received", year, null)
                .contains(hanoi.ids().get("case")));
        await("reporting counts Ha Noi's conclusion", () -> drillDown(system, "inspections.conclusions", year, null)
                .contains(hanoi.ids().get("inspection")));
        await("reporting counts Ha Noi's declaration", () -> drillDown(system, "declarations.submitted", year, null)
                .contains(hanoi.ids().get("declaration")));
        // events of earlier writes may still be on their way: the view compared is one that no longer moves by itself
        Map<String, Object> before = settledHanoiView(system, inspector, year);
        // Ninh Binh adds a record of each kind, and waits until the nation sees them
        ProvinceRecords more = ProvinceRecords.create(Principal.PROVINCE_NB, Principal.INSPECTOR_NB, "TTT-NB",
                "UBND-NB", "nb-more-" + UUID.randomUUID().toString().substring(0, 8));
        await("reporting counts Ninh Binh's new case", () -> drillDown(Principal.ANALYST, "cases.received", year, NB)
                .contains(more.ids().get("case")));
        await("reporting counts Ninh Binh's new conclusion", () -> drillDown(Principal.ANALYST,
                "inspections.conclusions", year, NB).contains(more.ids().get("inspection")));
        await("reporting counts Ninh Binh's new declaration", () -> drillDown(Principal.ANALYST,
                "declarations.submitted", year, NB).contains(more.ids().get("declaration")));
        Map<String, Object> after = hanoiView(system, inspector, year);
        assertThat(changes(before, after)).as("what Ha Noi reads that changed after Ninh Binh added records "
                + "(before, after)").isEmpty();

        // no drill-down of any figure hands Ha Noi an id of Ninh Binh
        Set<String> ninhBinhIds = new HashSet<>(ninhBinh.ids().values());
        ninhBinhIds.addAll(more.ids().values());
        List<String> figures = given().auth().oauth2(system.token()).get(gateway + "/api/v1/reports/figures")
                .then().statusCode(200).extract().path("figure");
        int drillDowns = 0;
        for (Principal p : List.of(system, inspector)) {
            for (String figure : figures) {
                assertThat(drillDown(p, figure, year, null)).as("%s drill-down of %s", p, figure)
                        .doesNotContainAnyElementsOf(ninhBinhIds);
                drillDowns++;
            }
        }
        System.out.printf("[access] Ha Noi's view (%d lists, totals and reports) unchanged after Ninh Binh added a "
                + "case, an inspection, a plan and a declaration; %d drill-downs without an id of Ninh Binh%n",
                before.size(), drillDowns);
    }

    /** Ha Noi's view once two reads a few seconds apart agree. */
    private Map<String, Object> settledHanoiView(Principal system, Principal inspector, String year) {
        Map<String, Object> last = hanoiView(system, inspector, year);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            pause(Duration.ofSeconds(3));
            Map<String, Object> now = hanoiView(system, inspector, year);
            if (now.equals(last)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Ha Noi's view still moving after 90 s: " + changes(last, now));
            }
            last = now;
        }
    }

    /** The entries that differ, each as its value before and after. */
    private static Map<String, List<Object>> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, List<Object>> changed = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changed.put(key, Arrays.asList(before.get(key), after.get(key)));
            }
        }
        return changed;
    }

    /**
     * Everything Ha Noi reads in lists and reports, reduced to what must not move when another province writes:
     * totals, ids and every figure. Each list also holds only Ha Noi's records.
     */
    private Map<String, Object> hanoiView(Principal system, Principal inspector, String year) {
        Map<String, Object> view = new LinkedHashMap<>();
        JsonPath cases = read(system, "/api/v1/cases?size=200");
        assertThat(cases.getList("items.provinceCode", String.class)).containsOnly(HN);
        view.put("cases.total", cases.get("total"));
        view.put("cases", cases.getList("items.id"));
        for (String list : List.of("/api/v1/inspections", "/api/v1/inspection-plans", "/api/v1/declarants",
                "/api/v1/declarations")) {
            JsonPath items = read(system, list);
            assertThat(items.getList("provinceCode", String.class)).as(list).containsOnly(HN);
            view.put(list, new HashSet<>(items.getList("id")));
        }
        JsonPath inspectorsList = read(inspector, "/api/v1/inspections");
        assertThat(inspectorsList.getList("provinceCode", String.class)).containsOnly(HN);
        view.put("inspector /api/v1/inspections", new HashSet<>(inspectorsList.getList("id")));
        for (Principal p : List.of(system, inspector)) {
            view.put(p + " summary", read(p, "/api/v1/reports/summary?period=" + year).getList("figures.value"));
            view.put(p + " summary VN-HN", read(p, "/api/v1/reports/summary?period=" + year + "&province=" + HN)
                    .getList("figures.value"));
            JsonPath byProvince = read(p, "/api/v1/reports/breakdown?figure=cases.received&by=province&period="
                    + year);
            assertThat(byProvince.getList("rows.key", String.class)).as("breakdown by province").containsOnly(HN);
            view.put(p + " breakdown", byProvince.getList("rows.value"));
            JsonPath national = read(p, "/api/v1/reports/national?format=json&period=" + year);
            assertThat(national.getList("byProvince", Object.class).toString()).doesNotContain(NB);
            view.put(p + " national", national.getList("figures.value"));
            String csv = EdgeRetry.untilAnswered(() -> given().auth().oauth2(p.token())
                    .get(gateway + "/api/v1/reports/national?format=csv&period=" + year)).then().statusCode(200)
                    .extract().asString();
            assertThat(csv).doesNotContain(NB).doesNotContain("Ninh");
        }
        return view;
    }

    private JsonPath read(Principal p, String path) {
        return EdgeRetry.untilAnswered(() -> given().auth().oauth2(p.token()).get(gateway + path)).then()
                .statusCode(200).extract().jsonPath();
    }

    private List<String> drillDown(Principal p, String figure, String period, String province) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            var request = given().auth().oauth2(p.token()).queryParam("figure", figure).queryParam("period", period)
                    .queryParam("limit", 200);
            if (province != null) {
                request = request.queryParam("province", province);
            }
            if (after != null) {
                request = request.queryParam("after", after);
            }
            var prepared = request;
            JsonPath page = EdgeRetry.untilAnswered(() -> prepared.get(gateway + "/api/v1/reports/drill-down"))
                    .then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("recordIds", String.class));
            after = page.getString("next");
        } while (after != null);
        return ids;
    }

    static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 90 s: " + what);
            }
            pause(Duration.ofMillis(300));
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    @SafeVarargs
    private static Set<Role>[] roles(Set<Role>... sets) {
        return sets;
    }

    private static void route(String prefix, Set<Role> roles) {
        GATEWAY_ROUTES.put(prefix, roles(roles, EnumSet.noneOf(Role.class)));
    }
}

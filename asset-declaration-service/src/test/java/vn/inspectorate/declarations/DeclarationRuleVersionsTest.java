package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.declarations.redflags.DeclarationFigures;
import vn.inspectorate.declarations.redflags.RaisedFlag;
import vn.inspectorate.declarations.redflags.RedFlagEngine;
import vn.inspectorate.declarations.rules.ParameterCode;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Platform admins add versions of the dated rules from an effective date: a declaration dated from then on is judged
 * by the new version, one dated before by the old one. Each test works on its own parameter or rule, from 2090 on,
 * clear of the dates the other tests judge declarations on (declarations cannot be dated in the future, so the
 * judging is checked through {@link RuleData} and {@link RedFlagEngine}, as the submission calls them).
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "admin-rules", roles = "platform-admin")
class DeclarationRuleVersionsTest {

    private static final String PROBLEMS = "https://inspectorate.gov.vn/problems/";
    private static final LocalDate FROM = LocalDate.of(2090, 1, 1);

    @Inject
    EntityManager em;

    @Inject
    RuleData rules;

    @Inject
    RedFlagEngine engine;

    private static Map<String, Object> parameter(String code, Object value, LocalDate from) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("value", value);
        body.put("effectiveFrom", from.toString());
        body.put("source", "Decree 1/2089/ND-CP");
        body.put("reason", "The decree raises it");
        return body;
    }

    private static Map<String, Object> redFlag(String ruleId, int weight, Map<String, Object> params,
            LocalDate from) {
        Map<String, Object> body = new HashMap<>();
        body.put("ruleId", ruleId);
        body.put("weight", weight);
        body.put("params", params);
        body.put("effectiveFrom", from.toString());
        body.put("description", "Cash held above the amount");
        body.put("reason", "Cash limits revised");
        return body;
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    private long value(String code, LocalDate on) {
        return QuarkusTransaction.requiringNew().call(() -> rules.value(code, on));
    }

    private Optional<RaisedFlag> largeCash(long cash, LocalDate on) {
        var figures = new DeclarationFigures(10_000, cash, 0, 0, cash, 0, 0, 0, 1, 1, 0, 0, false, 0,
                300_000_000L, false);
        return QuarkusTransaction.requiringNew().call(() -> engine.evaluate(figures, on)).stream()
                .filter(f -> f.ruleId().equals("LARGE_CASH")).findFirst();
    }

    @Test
    void aParameterVersionAppliesFromItsDateOnAndTheRepeatCreatesNothing() {
        String code = RuleData.PUBLICATION_DAYS;
        // read (and kept in memory) before the change: the change must show at once all the same
        assertThat(value(code, FROM)).isEqualTo(15);
        var body = parameter(code, 30, FROM);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/declaration-rules/parameters").then()
                .statusCode(201).body("code", equalTo(code)).body("value", equalTo(30))
                .body("effectiveFrom", equalTo("2090-01-01")).body("effectiveTo", nullValue())
                .body("unit", equalTo("days")).body("source", equalTo("Decree 1/2089/ND-CP"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/declaration-rules/parameters").then()
                .statusCode(200).body("value", equalTo(30));
        assertThat(count("select count(*) from rule_parameter where code = ?1 and effective_from = ?2", code, FROM))
                .isEqualTo(1);
        assertThat(count("select count(*) from rule_change where subject = ?1", "rule-parameter:" + code))
                .isEqualTo(1);

        var other = parameter(code, 31, FROM);
        given().contentType(ContentType.JSON).body(other).post("/api/v1/declaration-rules/parameters").then()
                .statusCode(409).body("type", equalTo(PROBLEMS + "natural-key-conflict"))
                .body("differingFields", contains("value"));
        given().contentType(ContentType.JSON).body(parameter(code, 20, FROM.minusMonths(6)))
                .post("/api/v1/declaration-rules/parameters").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "rule-version-order"))
                .body("latestEffectiveFrom", equalTo("2090-01-01"));

        // judged by the date: the old value the day before, the new one from the date; the old version now ends
        assertThat(value(code, FROM.minusDays(1))).isEqualTo(15);
        assertThat(value(code, FROM)).isEqualTo(30);
        assertThat(value(code, VietnamTime.today())).isEqualTo(15);
        assertThat(count("select count(*) from rule_parameter where code = ?1 and effective_to = ?2", code,
                FROM.minusDays(1))).isEqualTo(1);

        given().get("/api/v1/declaration-rules").then().statusCode(200)
                .body("parameters.findAll { it.code == 'PUBLICATION_DAYS' }.value", contains(15, 30))
                .body("parameters.findAll { it.code == 'PUBLICATION_DAYS' }.effectiveTo",
                        contains("2089-12-31", null));
        given().queryParam("subject", "rule-parameter:" + code).get("/api/v1/declaration-rules/changes").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].kind", equalTo("RULE_PARAMETER_ADDED"))
                .body("[0].changedBy", equalTo("admin-rules")).body("[0].reason", equalTo("The decree raises it"))
                .body("[0].details.request.value", equalTo(30))
                .body("[0].details.previousEndsOn", equalTo("2089-12-31"));
    }

    @Test
    void theIdempotencyKeyReplaysTheFirstAnswer() {
        String code = RuleData.FIRST_TIME_DEADLINE_DAYS;
        LocalDate from = LocalDate.of(2091, 3, 1);
        String key = "rules-" + UUID.randomUUID();
        var body = parameter(code, 20, from);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/declaration-rules/parameters").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/declaration-rules/parameters").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("value", equalTo(20));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(parameter(code, 21, from))
                .post("/api/v1/declaration-rules/parameters").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(count("select count(*) from rule_parameter where code = ?1 and effective_from = ?2", code, from))
                .isEqualTo(1);
        assertThat(count("select count(*) from rule_change where subject = ?1", "rule-parameter:" + code))
                .isEqualTo(1);
        assertThat(value(code, from)).isEqualTo(20);
        assertThat(value(code, from.minusDays(1))).isEqualTo(10);
    }

    @Test
    void invalidVersionsAreRefusedAndWriteNothing() {
        long parameters = count("select count(*) from rule_parameter");
        long flagRules = count("select count(*) from red_flag_rule");
        long changes = count("select count(*) from rule_change");
        LocalDate from = LocalDate.of(2095, 1, 1);
        record Bad(String path, Map<String, Object> body, int status, String type, String field) {
        }
        var noReason = parameter(RuleData.REMINDERS_BEFORE_VIOLATION, 3, from);
        noReason.remove("reason");
        List<Bad> bad = List.of(
                new Bad("parameters", parameter(RuleData.ANNUAL_DEADLINE_MONTH, 13, from), 422,
                        "rule-value-out-of-range", "value"),
                new Bad("parameters", parameter(RuleData.ANNUAL_DEADLINE_MONTH, 0, from), 422,
                        "rule-value-out-of-range", "value"),
                new Bad("parameters", parameter(RuleData.ANNUAL_DEADLINE_DAY, 32, from), 422,
                        "rule-value-out-of-range", "value"),
                // the 31st of February: the day in force (31) does not make a deadline with the month
                new Bad("parameters", parameter(RuleData.ANNUAL_DEADLINE_MONTH, 2, from), 422,
                        "rule-value-out-of-range", "value"),
                new Bad("parameters", parameter(RuleData.RANDOM_VERIFICATION_PERCENT, 101, from), 422,
                        "rule-value-out-of-range", "value"),
                new Bad("parameters", parameter(RuleData.INCREASE_EXPLANATION_THRESHOLD, 0, from), 422,
                        "rule-value-out-of-range", "value"),
                new Bad("parameters", parameter(RuleData.MOVABLE_ITEM_THRESHOLD, -5, from), 422,
                        "rule-value-out-of-range", "value"),
                new Bad("parameters", parameter(RuleData.PUBLICATION_DAYS, 20, VietnamTime.today().minusDays(1)),
                        422, "effective-date-past", "effectiveFrom"),
                new Bad("parameters", parameter("NO_SUCH_PARAMETER", 3, from), 400, "invalid-value", null),
                new Bad("parameters", parameter(RuleData.REMINDERS_BEFORE_VIOLATION, 2.5, from), 400,
                        "invalid-value", null),
                new Bad("parameters", noReason, 400, "invalid-request", null),
                new Bad("red-flags", redFlag("NO_SUCH_RULE", 10, Map.of(), from), 422, "unknown-red-flag-rule",
                        "ruleId"),
                new Bad("red-flags", redFlag("FOREIGN_ASSETS", 10, Map.of(), from), 422, "invalid-rule-params",
                        "params.maxForeignItems"),
                new Bad("red-flags", redFlag("FOREIGN_ASSETS", 10, Map.of("maxForeignItems", -1), from), 422,
                        "invalid-rule-params", "params.maxForeignItems"),
                new Bad("red-flags", redFlag("FOREIGN_ASSETS", 10, Map.of("maxForeignItems", 1, "maxItems", 1),
                        from), 422, "invalid-rule-params", "params.maxItems"),
                new Bad("red-flags", redFlag("FOREIGN_ASSETS", 10, Map.of("maxForeignItems", 1),
                        VietnamTime.today().minusDays(1)), 422, "effective-date-past", "effectiveFrom"),
                new Bad("red-flags", redFlag("FOREIGN_ASSETS", 101, Map.of("maxForeignItems", 1), from), 400,
                        "invalid-request", null),
                new Bad("red-flags", redFlag("FOREIGN_ASSETS", 10, Map.of("maxForeignItems", 1.5), from), 400,
                        "invalid-value", null));
        for (Bad b : bad) {
            var then = given().contentType(ContentType.JSON).body(b.body()).post("/api/v1/declaration-rules/"
                    + b.path()).then().statusCode(b.status()).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + b.type()));
            if (b.field() != null) {
                then.body("errors.field", hasItem(b.field()));
            }
        }
        assertThat(count("select count(*) from rule_parameter")).isEqualTo(parameters);
        assertThat(count("select count(*) from red_flag_rule")).isEqualTo(flagRules);
        assertThat(count("select count(*) from rule_change")).isEqualTo(changes);
    }

    @Test
    void aRedFlagVersionJudgesDeclarationsFromItsDateOnWhileEarlierOnesKeepTheOld() {
        // read (and kept in memory) before the change
        assertThat(largeCash(2_000_000_000L, FROM)).hasValueSatisfying(f -> assertThat(f.ruleVersion()).isOne());
        int latest = given().get("/api/v1/declaration-rules").then().statusCode(200).extract().jsonPath()
                .getInt("redFlagRules.findAll { it.ruleId == 'LARGE_CASH' }.version.max()");
        var body = redFlag("LARGE_CASH", 40, Map.of("maxCashVnd", 5_000_000_000L), FROM);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/declaration-rules/red-flags").then()
                .statusCode(201).body("version", equalTo(latest + 1)).body("weight", equalTo(40))
                .body("params.maxCashVnd", equalTo(5_000_000_000L)).body("effectiveTo", nullValue());
        given().contentType(ContentType.JSON).body(body).post("/api/v1/declaration-rules/red-flags").then()
                .statusCode(200).body("version", equalTo(latest + 1));
        assertThat(count("select count(*) from red_flag_rule where rule_id = 'LARGE_CASH'")).isEqualTo(latest + 1);
        given().contentType(ContentType.JSON).body(redFlag("LARGE_CASH", 41, Map.of("maxCashVnd", 5_000_000_000L),
                FROM)).post("/api/v1/declaration-rules/red-flags").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "natural-key-conflict")).body("differingFields", contains("weight"));
        given().contentType(ContentType.JSON).body(redFlag("LARGE_CASH", 40, Map.of("maxCashVnd", 4_000_000_000L),
                FROM.minusYears(1))).post("/api/v1/declaration-rules/red-flags").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "rule-version-order"));

        // the day before (and today) the old version: 1 billion, weight 15; from the date 5 billion, weight 40
        assertThat(largeCash(2_000_000_000L, FROM.minusDays(1)))
                .hasValueSatisfying(f -> assertThat(f.ruleVersion()).isEqualTo(latest));
        assertThat(largeCash(2_000_000_000L, VietnamTime.today()))
                .hasValueSatisfying(f -> assertThat(f.weight()).isEqualTo(15));
        assertThat(largeCash(2_000_000_000L, FROM)).isEmpty();
        assertThat(largeCash(5_000_000_001L, FROM)).hasValueSatisfying(f -> {
            assertThat(f.ruleVersion()).isEqualTo(latest + 1);
            assertThat(f.weight()).isEqualTo(40);
        });
        given().queryParam("subject", "red-flag-rule:LARGE_CASH").get("/api/v1/declaration-rules/changes").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].kind", equalTo("RED_FLAG_RULE_ADDED"))
                .body("[0].changedBy", equalTo("admin-rules")).body("[0].details.version", equalTo(latest + 1));
    }

    @Test
    void everyParameterCodeIsOneTheServiceReads() {
        List<String> codes = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct code from rule_parameter order by code").getResultList());
        assertThat(codes).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(ParameterCode.values())
                .map(Enum::name).toList());
    }

    @Test
    @TestSecurity(user = "controller-btc", roles = "asset-controller")
    void onlyPlatformAdminsAddVersions() {
        long changes = count("select count(*) from rule_change");
        given().contentType(ContentType.JSON).body(parameter(RuleData.VERIFICATION_RISK_SCORE, 60, FROM))
                .post("/api/v1/declaration-rules/parameters").then().statusCode(403);
        given().contentType(ContentType.JSON).body(redFlag("LARGE_CASH", 40, Map.of("maxCashVnd", 1L), FROM))
                .post("/api/v1/declaration-rules/red-flags").then().statusCode(403);
        given().get("/api/v1/declaration-rules").then().statusCode(200);
        given().get("/api/v1/declaration-rules/changes").then().statusCode(200);
        assertThat(count("select count(*) from rule_change")).isEqualTo(changes);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "central-analyst")
    void analystsRead() {
        given().get("/api/v1/declaration-rules").then().statusCode(200)
                .body("redFlagRules.ruleId", hasItem("UNEXPLAINED_INCREASE"));
        given().contentType(ContentType.JSON).body(parameter(RuleData.VERIFICATION_RISK_SCORE, 60, FROM))
                .post("/api/v1/declaration-rules/parameters").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "province-hn", roles = "provincial-system")
    void provincialSystemsDoNotSeeTheRules() {
        given().get("/api/v1/declaration-rules").then().statusCode(403);
        given().get("/api/v1/declaration-rules/changes").then().statusCode(403);
    }
}

package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static vn.inspectorate.declarations.Api.declaration;
import static vn.inspectorate.declarations.Api.item;
import static vn.inspectorate.declarations.Api.submit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Distinctive personal strings go in through every field that takes them; none comes out in an event, in the
 * database in clear, or in the public view. The public view is readable only during its publication period.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicationAndPrivacyTest {

    static final String NAME = "Quokkavian Zephyrine";
    static final String CITIZEN_ID = "079312345678";
    static final String ADDRESS = "88 Wombatstrasse Lane";
    static final String SPOUSE = "Pangolina Xerxesdottir";
    static final String SPOUSE_ID = "001998877665";
    static final String VILLA = "Villa at 17 Axolotl Boulevard";
    static final String CAR = "Numbat sedan plate 29A-99999";
    static final String EXPLANATION = "Sold the Ocelotte family orchard";
    static final List<String> PERSONAL = List.of(NAME, CITIZEN_ID, ADDRESS, SPOUSE, SPOUSE_ID, VILLA, CAR, EXPLANATION,
            "Quokkavian", "Wombatstrasse", "Axolotl", "Numbat", "Ocelotte", "Pangolina");

    static String declarant;
    static final List<String> declarations = new ArrayList<>();

    @Inject
    EntityManager em;

    @Inject
    RuleData rules;

    @Test
    @Order(1)
    @TestSecurity(user = "controller-bct", roles = "asset-controller")
    @OidcSecurity(claims = @Claim(key = "agency", value = "BCT"))
    void everyStepOfADeclarationWithPersonalData() {
        Map<String, Object> body = Api.declarant("BCT", "VN-HN", NAME, CITIZEN_ID);
        body.put("address", ADDRESS);
        body.put("familyMembers", List.of(Map.of("relation", "SPOUSE", "fullName", SPOUSE, "citizenId", SPOUSE_ID)));
        var registered = Api.register(body);
        declarant = registered.getString("id");
        String spouse = registered.getString("familyMembers[0].id");
        assertThat(registered.prettify()).doesNotContain(NAME, CITIZEN_ID, ADDRESS, SPOUSE);
        // the controller reads the identities back, decrypted, stating why; without a purpose, the summary
        given().get("/api/v1/declarants/" + declarant).then().statusCode(200).body("$", not(hasKey("fullName")))
                .body("$", not(hasKey("citizenId")));
        given().header("X-Access-Purpose", "registration check").get("/api/v1/declarants/" + declarant).then()
                .statusCode(200).body("fullName", equalTo(NAME))
                .body("citizenId", equalTo(CITIZEN_ID)).body("familyMembers[0].fullName", equalTo(SPOUSE));

        var villa = item("HOUSE", 3_000_000_000L, "2019-05-01");
        villa.put("description", VILLA);
        villa.put("ownerId", spouse);
        var car = item("VEHICLE", 900_000_000L, "2021-05-01");
        car.put("description", CAR);
        declarations.add(submit(declaration(declarant, "ANNUAL", 2024, LocalDate.of(2024, 12, 1), null,
                List.of(item("LAND", 1_000_000_000L, "2010-01-01"), item("SALARY", 600_000_000L, null)))).getString("id"));
        String second = submit(declaration(declarant, "ANNUAL", 2025, LocalDate.of(2025, 12, 1), EXPLANATION,
                List.of(item("LAND", 1_000_000_000L, "2010-01-01"), villa, car, item("SALARY", 600_000_000L, null))))
                .getString("id");
        declarations.add(second);
        String third = submit(declaration(declarant, "SUPPLEMENTARY", 2025, LocalDate.of(2025, 12, 20), null,
                List.of(item("LAND", 1_000_000_000L, "2010-01-01"), villa, car, item("FOREIGN_ACCOUNT", 0L, "2025-06-01"),
                        item("SALARY", 600_000_000L, null)))).getString("id");
        declarations.add(third);
        String verification = given().contentType(ContentType.JSON).body(Map.of("reason", "Report naming " + NAME))
                .post("/api/v1/declarations/" + second + "/verifications").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("conclusion", "HONEST", "findings",
                "The house of " + SPOUSE + " at " + ADDRESS + " is explained", "unexplainedIncreaseVnd", 0,
                "concludedOn", LocalDate.now().toString()))
                .post("/api/v1/verifications/" + verification + "/conclusion").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("publishedOn", LocalDate.now().toString()))
                .post("/api/v1/declarations/" + second + "/publication").then().statusCode(200);
        // the body is an object ({} at least): a date alone, null or nothing is a malformed body, not a publication
        for (String notAnObject : new String[] {"\"" + LocalDate.now() + "\"", "null", ""}) {
            given().contentType(ContentType.JSON).body(notAnObject)
                    .post("/api/v1/declarations/" + third + "/publication").then().statusCode(400)
                    .contentType("application/problem+json").body("type", endsWith("/malformed-body"));
        }
        long days = QuarkusTransaction.requiringNew().call(() -> rules.value(RuleData.PUBLICATION_DAYS, LocalDate.now()));
        given().contentType(ContentType.JSON).body(Map.of("publishedOn", LocalDate.now().minusDays(days).toString()))
                .post("/api/v1/declarations/" + third + "/publication").then().statusCode(200);
        // a date before the declaration (and before any publication rule) is refused, not a failure
        given().contentType(ContentType.JSON).body(Map.of("publishedOn", "1970-02-12"))
                .post("/api/v1/declarations/" + third + "/publication").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("publishedOn"));

        // the detail holds it all, decrypted
        given().header("X-Access-Purpose", "check").get("/api/v1/declarations/" + second).then().statusCode(200)
                .body("increaseExplanation", equalTo(EXPLANATION))
                .body("items.find { it.category == 'HOUSE' }.description", equalTo(VILLA))
                .body("items.find { it.category == 'HOUSE' }.owner", equalTo("SPOUSE"));
    }

    @Test
    @Order(2)
    void publicViewNeedsNoTokenIsRedactedCacheableAndLimitedToItsPeriod() {
        var answer = given().get("/api/v1/public-declarations/" + declarations.get(1));
        String view = answer.then().statusCode(200)
                .body("agencyCode", equalTo("BCT")).body("year", equalTo(2025))
                .body("items.find { it.category == 'HOUSE' }.owner", equalTo("SPOUSE"))
                .body("items.find { it.category == 'HOUSE' }.acquiredInYear", equalTo(2019))
                .header("Cache-Control", matchesPattern("public, max-age=([1-9][0-9]*)"))
                .extract().asString();
        assertThat(view).doesNotContain(PERSONAL).doesNotContain(declarant).doesNotContain("description")
                .doesNotContain("citizenId").doesNotContain("fullName").doesNotContain("address");
        String etag = answer.header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get("/api/v1/public-declarations/" + declarations.get(1)).then()
                .statusCode(304).header("ETag", etag).body(emptyString());
        given().header("If-None-Match", "\"stale\"").get("/api/v1/public-declarations/" + declarations.get(1))
                .then().statusCode(200).header("ETag", etag);
        // published a full period ago: no longer on view; never published: not found either
        given().get("/api/v1/public-declarations/" + declarations.get(2)).then().statusCode(404);
        given().get("/api/v1/public-declarations/" + declarations.get(0)).then().statusCode(404);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "partner", roles = "partner")
    void everyCallerGetsTheSameViewAndNoMore() {
        String anonymous = given().get("/api/v1/public-declarations/" + declarations.get(1)).then().extract().header("ETag");
        given().get("/api/v1/public-declarations/" + declarations.get(1)).then().statusCode(200)
                .header("ETag", anonymous);
        // a declarant's identity is not public: the public prefix serves published declarations only
        given().get("/api/v1/public-declarations/" + declarant).then().statusCode(404);
    }

    @Test
    @Order(4)
    void noPersonalStringInAnyEventOrInClearInTheDatabase() {
        String second = declarations.get(1);
        String third = declarations.get(2);
        // wait for this test's own last events, then sweep every record on the topic
        var records = Events.records(Topics.DECLARATIONS, all -> {
            boolean verified = all.stream().anyMatch(e -> second.equals(e.path("subject").asText())
                    && EventTypes.DECLARATION_VERIFIED.equals(e.path("type").asText()));
            boolean flagged = all.stream().anyMatch(e -> third.equals(e.path("subject").asText())
                    && EventTypes.DECLARATION_FLAGGED.equals(e.path("type").asText()));
            return verified && flagged;
        });
        assertThat(records).anyMatch(r -> r.value().contains(declarant));
        assertThat(records).hasSizeGreaterThanOrEqualTo(6);
        for (var r : records) {
            assertThat(r.value()).as("event " + r.key()).doesNotContain(PERSONAL);
            assertThat(r.key()).doesNotContain(PERSONAL);
        }
        String dump = QuarkusTransaction.requiringNew().call(() -> String.join("\n", em.createNativeQuery("""
                select concat_ws('|', full_name_enc, citizen_id_enc, address_enc, citizen_id_hash) from declarant
                union all select concat_ws('|', full_name_enc, citizen_id_enc) from family_member
                union all select coalesce(description_enc, '') from declaration_item
                union all select coalesce(increase_explanation_enc, '') from declaration
                union all select payload from platform_outbox""").getResultList().stream().map(String::valueOf).toList()));
        assertThat(dump).doesNotContain(NAME, CITIZEN_ID, ADDRESS, SPOUSE, SPOUSE_ID, VILLA, CAR, EXPLANATION);
    }
}

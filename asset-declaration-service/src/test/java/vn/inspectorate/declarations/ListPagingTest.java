package vn.inspectorate.declarations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static vn.inspectorate.declarations.Api.declaration;
import static vn.inspectorate.declarations.Api.modest;
import static vn.inspectorate.declarations.Api.register;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * The declaration and declarant lists page by the platform's convention: following {@code Link: rel="next"} with a
 * small page size reads every row the list holds exactly once, in the order one large page gives.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "controller-btc", roles = "asset-controller")
@OidcSecurity(claims = {@Claim(key = "agency", value = "BTC"), @Claim(key = "province", value = "VN-HN")})
class ListPagingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");

    @Test
    void declarationsAndDeclarantsPageWithoutLossOrRepeat() {
        List<String> declarants = new ArrayList<>();
        List<String> declarations = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String declarant = register("BTC", "VN-HN").getString("id");
            declarants.add(declarant);
            // one day for all: the order falls back on the id, which must hold across pages too
            declarations.add(given().contentType(ContentType.JSON).body(declaration(declarant, "ANNUAL", 2023,
                    LocalDate.of(2023, 12, 20), null, modest(1_000_000_000L, 500_000_000L)))
                    .post("/api/v1/declarations").then().statusCode(201).extract().path("id"));
        }

        List<String> paged = readAll("/api/v1/declarations?agency=BTC&year=2023&size=2");
        List<String> whole = given().get("/api/v1/declarations?agency=BTC&year=2023&size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(whole).containsAll(declarations);
        given().get("/api/v1/declarations?agency=BTC&year=2023&size=2").then()
                .body("total", org.hamcrest.Matchers.equalTo(whole.size()));

        List<String> pagedDeclarants = readAll("/api/v1/declarants?agency=BTC&size=3");
        List<String> allDeclarants = given().get("/api/v1/declarants?agency=BTC&size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        assertThat(pagedDeclarants).doesNotHaveDuplicates().containsAll(declarants);
        if (allDeclarants.size() < 200) {
            assertThat(pagedDeclarants).containsExactlyElementsOf(allDeclarants);
        }
    }

    @Test
    void badPagingParametersAreRefusedNeverClamped() {
        given().get("/api/v1/declarations?size=201").then().statusCode(400).body("errors.field", hasItem("size"));
        given().get("/api/v1/declarants?size=0").then().statusCode(400).body("errors.field", hasItem("size"));
        given().get("/api/v1/declarants?after=bm90LWEtdG9rZW4.AAAA").then().statusCode(400)
                .body("errors.field", hasItem("after"));
        register("BTC", "VN-HN");
        register("BTC", "VN-HN");
        String next = given().get("/api/v1/declarants?agency=BTC&size=1").then().statusCode(200).extract()
                .path("next");
        // a token of one list's filters does not page another
        given().get("/api/v1/declarants?agency=BTC&province=VN-HN&size=1&after=" + next).then().statusCode(400)
                .body("errors.field", hasItem("after"));
    }

    /** The ids of every page, following the next links from {@code url}. */
    static List<String> readAll(String url) {
        List<String> ids = new ArrayList<>();
        String next = url;
        int pages = 0;
        while (next != null) {
            Response page = given().get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            ids.addAll(page.jsonPath().getList("items.id", String.class));
            Matcher m = NEXT.matcher(String.valueOf(page.header("Link")));
            next = m.find() ? m.group(1) : null;
            assertThat(next == null).isEqualTo(page.jsonPath().getString("next") == null);
            assertThat(++pages).isLessThan(1_000);
        }
        return ids;
    }
}

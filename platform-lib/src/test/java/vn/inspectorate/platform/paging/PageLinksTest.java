package vn.inspectorate.platform.paging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Following {@code Link: rel="next"} reads a list whole, each link under the public address the gateway forwards. */
@QuarkusTest
class PageLinksTest {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"([a-z]+)\"");

    @Test
    void followingNextLinksReadsEveryItemOnceWithTheSameFilters() {
        List<Integer> read = new ArrayList<>();
        String url = "/probe-pages?parity=even&size=2";
        int pages = 0;
        while (url != null) {
            Response r = given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.example.gov.vn")
                    .header("X-Forwarded-Port", "443").get(url);
            assertThat(r.statusCode()).isEqualTo(200);
            read.addAll(r.jsonPath().getList("items", Integer.class));
            String first = rel(r, "first");
            assertThat(first).isEqualTo("https://api.example.gov.vn/probe-pages?parity=even&size=2");
            String next = rel(r, "next");
            assertThat(next == null).isEqualTo(r.jsonPath().getString("next") == null);
            url = next == null ? null : next.replace("https://api.example.gov.vn", "");
            pages++;
        }
        assertThat(read).containsExactly(0, 2, 4, 6, 8);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void theNextLinkKeepsEncodedFilterValuesAsSent() {
        List<Integer> read = new ArrayList<>();
        String url = "/probe-pages?tag=a%2Cb%20c&size=4";
        while (url != null) {
            Response r = given().urlEncodingEnabled(false).get(url);
            assertThat(r.statusCode()).isEqualTo(200);
            read.addAll(r.jsonPath().getList("items", Integer.class));
            String next = rel(r, "next");
            if (next != null) {
                assertThat(next).contains("tag=a%2Cb%20c&size=4&after=");
            }
            url = next;
        }
        assertThat(read).isEqualTo(PageProbeResource.ITEMS);
    }

    @Test
    void badPagingParametersAreProblemsNamingTheField() {
        given().get("/probe-pages?size=201").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("size"));
        String next = given().get("/probe-pages?size=2&parity=odd").jsonPath().getString("next");
        // the token of the odd numbers does not page the even ones
        given().get("/probe-pages?size=2&parity=even&after=" + next).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("after"));
    }

    static String rel(Response response, String rel) {
        String header = response.header("Link");
        if (header == null) {
            return null;
        }
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            if (m.group(2).equals(rel)) {
                return m.group(1);
            }
        }
        return null;
    }
}

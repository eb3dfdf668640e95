package vn.inspectorate.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The browser protections of every answer: scripts from the application only, no framing, pages never cached, the
 * application's assets and chart library cached; pages need a session, the signed-out page does not. (Sign-in itself
 * is driven through Keycloak in deploy/e2e's DashboardBrowserTest.)
 */
@QuarkusTest
class PageHeadersTest {

    // RestAssured's base path is the application's root path, /dashboard

    @Test
    void assetsAndTheChartLibraryAreServedFromTheApplicationAndCached() {
        given().get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").then().statusCode(200)
                .header("Cache-Control", "public, max-age=86400")
                .header("Content-Security-Policy", containsString("script-src 'self';"));
        given().get("/assets/charts.js").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theSignedOutPageIsOpenAndUncachedWithTheStrictPolicy() {
        given().get("/signed-out?lang=en").then().statusCode(200)
                .body(containsString("You have signed out"))
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", equalTo("default-src 'none'; script-src 'self'; style-src 'self'; "
                        + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; "
                        + "form-action 'self' http://localhost:1; frame-ancestors 'none'"));
        given().get("/signed-out").then().statusCode(200).body(containsString("Bạn đã đăng xuất"));
    }

    @Test
    void pagesNeedASession() {
        given().redirects().follow(false).get("/").then().statusCode(401);
        given().redirects().follow(false).get("/reports/download?format=xlsx").then().statusCode(401);
    }
}

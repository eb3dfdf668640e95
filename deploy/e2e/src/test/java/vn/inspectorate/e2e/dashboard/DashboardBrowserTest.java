package vn.inspectorate.e2e.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.inspectorate.deploy.DemoData;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.e2e.Eventually;
import vn.inspectorate.e2e.RunningPlatform;

/**
 * The dashboard in a real browser (headless Chromium) on the real platform, through the gateway: sign-in on Keycloak's
 * own page with PKCE, figures equal to the reporting API's, drill-down to a record, the XLSX download, a province's
 * inspector confined to that province, no page without a session, and a logout that ends the Keycloak session. Every
 * page is checked with axe-core and photographed in Vietnamese and English (target/screenshots). Runs after the demo
 * data test (whose load it repeats, creating nothing), so the pages have figures to show.
 */
@Order(10)
class DashboardBrowserTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static Platform platform;
    private static Browser browser;
    private static String dashboard;
    private static String year;
    private static String verificationPlanId;
    /** The tables of a page that the demo data fills. */
    private static final Map<String, List<String>> FILLED = Map.of("watchlist", List.of("watchlist"),
            "inspections", List.of("overdue", "overruns"));

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
        dashboard = platform.gatewayUrl() + "/dashboard/";
        year = Integer.toString(LocalDate.now(VIETNAM).getYear());
        // the demo set: created here when this class runs alone, nothing new after the demo data test
        verificationPlanId = DemoData.load(platform.gatewayUrl(), platform.keycloak().tokenUrl(), line -> { })
                .verificationPlanId();
        String analyst = RunningPlatform.userToken("analyst");
        Eventually.poll("the demo cases in this year's figures", Duration.ofSeconds(120),
                () -> apiFigures(analyst, "calendar", null).getOrDefault("cases.received", 0L), n -> n > 0);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshSession() {
        browser.forget();
    }

    @Test
    void analystSignsInAndTheOverviewShowsTheApisFiguresForBothCalendars() {
        browser.signIn(dashboard + "?period=" + year, "analyst", dashboard);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tổng quan");
        String token = RunningPlatform.userToken("analyst");
        assertPageEqualsApi(token, "calendar");
        assertThat(pageFigures()).containsKey("cases.received");

        new Select(browser.driver.findElement(By.id("f-calendar"))).selectByValue("sector");
        browser.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("calendar=sector"));
        assertPageEqualsApi(token, "sector");
        browser.accessible("overview, sector calendar");
    }

    @Test
    void drillsDownFromAFigureToARecord() {
        browser.signIn(dashboard + "?period=" + year, "analyst", dashboard);
        browser.driver.findElement(By.cssSelector("tr[data-key='cases.received'] td.num a")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("/dashboard/records?"));
        browser.accessible("records");
        // the heading names the figure in words (the API's label), not by its code
        assertThat(browser.driver.findElement(By.id("records-caption")).getText()).doesNotContain("cases.received");
        List<WebElement> records = browser.driver.findElements(By.cssSelector("#records tbody a"));
        assertThat(records).isNotEmpty();
        String id = records.get(0).getText();
        records.get(0).click();
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/dashboard/records/cases/" + id));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Vụ việc");
        assertThat(browser.driver.findElement(By.cssSelector("#record tr[data-key='id'] td")).getText()).isEqualTo(id);
        browser.accessible("record");
    }

    @Test
    void downloadsTheReportAsXlsx() throws IOException {
        browser.signIn(dashboard + "reports?period=" + year, "analyst", dashboard);
        browser.accessible("reports");
        try (Stream<Path> old = Files.list(browser.downloads)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        browser.driver.findElement(By.cssSelector("a[href*='format=xlsx']")).click();
        Path xlsx = Eventually.poll("the XLSX download", Duration.ofSeconds(30), () -> {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        }, f -> f != null);
        byte[] bytes = Files.readAllBytes(xlsx);
        // an Office Open XML file is a ZIP archive
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(new String(bytes, 0, 2)).isEqualTo("PK");
        assertThat(xlsx.getFileName().toString()).isEqualTo("bao-cao-" + year + "-calendar.xlsx");
    }

    @Test
    void aProvincesInspectorSeesThatProvinceOnlyAndNoOtherProvincesRecord() {
        String analyst = RunningPlatform.userToken("analyst");
        String hanoiCase = given().auth().oauth2(analyst).queryParam("figure", "cases.received")
                .queryParam("period", year).queryParam("province", "VN-HN").queryParam("size", 1)
                .get(platform.gatewayUrl() + "/api/v1/reports/drill-down").then().statusCode(200)
                .extract().path("recordIds[0]");
        assertThat(hanoiCase).isNotNull();

        browser.signIn(dashboard + "provinces?period=" + year, "inspector-nb", dashboard);
        List<String> provinces = browser.driver.findElements(By.cssSelector("#provinces tbody tr")).stream()
                .map(r -> r.getAttribute("data-key")).toList();
        assertThat(provinces).isNotEmpty().allMatch("VN-18"::equals);
        browser.open(dashboard);
        assertThat(browser.driver.findElements(By.id("f-province"))).isEmpty();
        String token = RunningPlatform.userToken("inspector-nb");
        assertThat(pageFigures()).isEqualTo(apiFigures(token, "calendar", "VN-18"));

        browser.open(dashboard + "records/cases/" + hanoiCase);
        assertThat(browser.driver.findElements(By.id("not-found"))).hasSize(1);
        browser.accessible("not found");
        // an address the dashboard does not have: the same page
        browser.open(dashboard + "no-such-page");
        assertThat(browser.driver.findElements(By.id("not-found"))).hasSize(1);
    }

    @Test
    void anInspectorSeesWhoFiledACaseOnlyAfterGivingAPurposeAndIsToldTheReadIsLogged() {
        String analyst = RunningPlatform.userToken("analyst");
        String ninhBinhCase = given().auth().oauth2(analyst).queryParam("figure", "cases.received")
                .queryParam("period", year).queryParam("province", "VN-18").queryParam("size", 1)
                .get(platform.gatewayUrl() + "/api/v1/reports/drill-down").then().statusCode(200)
                .extract().path("recordIds[0]");
        assertThat(ninhBinhCase).isNotNull();

        browser.signIn(dashboard + "records/cases/" + ninhBinhCase, "inspector-nb", dashboard);
        browser.driver.findElement(By.cssSelector("a[href$='/identity']")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("purpose")));
        assertThat(browser.driver.findElements(By.id("identity-logged"))).isEmpty();
        browser.accessible("identity form");
        browser.screenshot("identity-form-vi");
        browser.driver.findElement(By.id("purpose")).sendKeys("Xác minh nội dung đơn");
        browser.driver.findElement(By.cssSelector("#identity-form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("identity-logged")),
                ExpectedConditions.presenceOfElementLocated(By.id("problems"))));
        assertThat(browser.driver.findElements(By.id("problems"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#record tbody tr"))).isNotEmpty();
        browser.accessible("identity shown");
    }

    @Test
    void withoutASessionEveryPageAsksForSignIn() {
        for (String page : List.of("", "trends", "provinces", "records?figure=cases.received", "watchlist",
                "inspections", "reports", "reports/download?format=xlsx")) {
            browser.forget();
            browser.open(dashboard + page);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            assertThat(browser.driver.getCurrentUrl()).as(page)
                    .startsWith(platform.keycloak().issuer() + "/protocol/openid-connect/auth");
        }
    }

    @Test
    void logoutEndsTheKeycloakSession() {
        browser.signIn(dashboard, "analyst", dashboard);
        browser.driver.findElement(By.id("sign-out")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
        assertThat(browser.driver.getCurrentUrl()).startsWith(dashboard + "signed-out");
        browser.accessible("signed out");
        browser.screenshot("signed-out-vi");
        // Keycloak's session is over too: the dashboard asks for the password again instead of signing in silently
        browser.open(dashboard);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.driver.getCurrentUrl()).contains("/protocol/openid-connect/auth");
    }

    @Test
    void everyPageIsAccessibleInVietnameseAndEnglish() {
        browser.signIn(dashboard, "analyst", dashboard);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "?period=" + year);
        pages.put("trends", "trends?period=" + year);
        pages.put("provinces", "provinces?period=" + year + "&sort=value");
        pages.put("records", "records?figure=cases.received&period=" + year);
        pages.put("watchlist", "watchlist");
        pages.put("inspections", "inspections");
        pages.put("reports", "reports?period=" + year);
        pages.put("not-found", "records/cases/00000000-0000-0000-0000-000000000000");
        for (String lang : List.of("vi", "en")) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String sep = page.getValue().contains("?") ? "&" : "?";
                browser.open(dashboard + page.getValue() + sep + "lang=" + lang);
                assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
                assertThat(browser.driver.findElements(By.id("problems"))).as(page.getKey() + " problems").isEmpty();
                browser.accessible(page.getKey() + " (" + lang + ")");
                browser.screenshot(page.getKey() + "-" + lang);
                // the demo data fills the lists people follow up
                for (String table : FILLED.getOrDefault(page.getKey(), List.of())) {
                    assertThat(browser.driver.findElements(By.cssSelector("#" + table + " tbody tr")))
                            .as(page.getKey() + " " + table).isNotEmpty();
                }
            }
        }
        browser.open(dashboard + "?lang=vi");

        browser.forget();
        browser.signIn(dashboard + "declarations", "asset-controller", dashboard);
        for (String lang : List.of("vi", "en")) {
            browser.open(dashboard + "declarations?lang=" + lang);
            assertThat(browser.driver.findElements(By.cssSelector("#declarations tbody tr"))).isNotEmpty();
            browser.accessible("declarations (" + lang + ")");
            browser.screenshot("declarations-" + lang);
            // the demo's plan, by the id its summary prints: the API lists no plans
            browser.open(dashboard + "declarations/verification-plan?id=" + verificationPlanId + "&lang=" + lang);
            assertThat(browser.driver.findElements(By.id("f-plan"))).hasSize(1);
            assertThat(browser.driver.findElements(By.id("problems"))).as("verification plan problems").isEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("#verifications tbody tr"))).isNotEmpty();
            browser.accessible("verification plan (" + lang + ")");
            browser.screenshot("verification-plan-" + lang);
        }
        browser.open(dashboard + "?lang=vi");
    }

    /**
     * Each page's first load (an empty cache) stays within 1.5 MB, and a second visit takes its scripts, styles and
     * charts from the cache. The load times are printed as figures, not held to a bound here: they move with the
     * machine, and the benchmarks are where speed is measured.
     */
    @Test
    void everyPageLoadsWithinOneAndAHalfMegabytesAndIsCachedAfter() {
        browser.signIn(dashboard, "analyst", dashboard);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "?period=" + year);
        pages.put("trends", "trends?period=" + year);
        pages.put("provinces", "provinces?period=" + year);
        pages.put("records", "records?figure=cases.received&period=" + year);
        pages.put("watchlist", "watchlist");
        pages.put("inspections", "inspections");
        pages.put("reports", "reports?period=" + year);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.emptyCache();
            browser.open(dashboard + page.getValue());
            Browser.PageLoad first = browser.pageLoad();
            browser.open(dashboard + page.getValue());
            Browser.PageLoad again = browser.pageLoad();
            System.out.printf("[dashboard] %-12s first load %,d bytes (%d files) in %d ms; again %,d bytes, %d of %d"
                    + " files from the cache, in %d ms%n", page.getKey(), first.bytes(), first.files(), first.millis(),
                    again.bytes(), again.cached(), again.files(), again.millis());
            assertThat(first.bytes()).as(page.getKey() + ": bytes of a first load").isPositive()
                    .isLessThanOrEqualTo(1_572_864L);
            assertThat(again.cached()).as(page.getKey() + ": files from the cache on a second visit")
                    .isEqualTo(again.files());
            assertThat(again.bytes()).as(page.getKey() + ": bytes of a second visit").isLessThan(first.bytes());
        }
    }

    /** The page's figures are the API's, read just before and after it (equal when no event moved them between). */
    private static void assertPageEqualsApi(String token, String calendar) {
        Eventually.poll("the overview equal to the API's " + calendar + " figures", Duration.ofSeconds(30), () -> {
            Map<String, Long> before = apiFigures(token, calendar, null);
            browser.driver.navigate().refresh();
            Map<String, Long> page = pageFigures();
            Map<String, Long> after = apiFigures(token, calendar, null);
            return before.equals(after) && page.equals(before);
        }, equal -> equal);
    }

    /** Each figure's value as the overview shows it (the number behind the formatted text). */
    private static Map<String, Long> pageFigures() {
        Map<String, Long> values = new LinkedHashMap<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#figures tbody tr[data-key]"))) {
            WebElement value = row.findElements(By.cssSelector("td.num")).get(0);
            values.put(row.getAttribute("data-key"), Long.parseLong(value.getAttribute("data-value")));
        }
        return values;
    }

    private static Map<String, Long> apiFigures(String token, String calendar, String province) {
        var request = given().auth().oauth2(token).queryParam("period", year).queryParam("calendar", calendar);
        if (province != null) {
            request = request.queryParam("province", province);
        }
        List<Map<String, Object>> figures = request.get(platform.gatewayUrl() + "/api/v1/reports/summary")
                .then().statusCode(200).extract().path("figures");
        Map<String, Long> values = new LinkedHashMap<>();
        figures.forEach(f -> values.put((String) f.get("figure"), ((Number) f.get("value")).longValue()));
        return values;
    }
}

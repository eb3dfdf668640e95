package vn.inspectorate.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (the Debian {@code chromium} and {@code chromium-driver} packages) for the dashboard's tests: one
 * per test class, a fresh profile, downloads into a folder of its own; pages checked with axe-core and photographed.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final WebDriver driver;
    final Path downloads;
    private final Path profile;

    Browser() {
        assertThat(CHROMIUM).as("Chromium is needed by the dashboard's browser tests: "
                + "deploy/e2e/install-browser.sh installs it (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver: deploy/e2e/install-browser.sh installs it").isExecutable();
        try {
            profile = Files.createTempDirectory("dashboard-chromium-");
            downloads = Files.createDirectories(Path.of("target/downloads"));
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString()));
    }

    void open(String url) {
        driver.get(url);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Signs in through Keycloak's own login page, starting from {@code url}, and waits to be back on the dashboard. */
    void signIn(String url, String user, String dashboardPrefix) {
        driver.get(url);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).contains("/realms/inspectorate/protocol/openid-connect/auth")
                .contains("code_challenge=").contains("code_challenge_method=S256");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        waiting().until(d -> d.getCurrentUrl().startsWith(dashboardPrefix));
    }

    /** No serious or critical accessibility violation on the current page (axe-core's WCAG 2.x A/AA rules). */
    void accessible(String name) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertThat(bad).as(name + ": " + bad.stream().map(v -> v.getId() + " (" + v.getImpact() + "): "
                + v.getHelp() + " " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()).toList())
                .isEmpty();
    }

    /** What the browser's cache holds of the platform is dropped, as for a first visit. */
    void emptyCache() {
        ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCache", Map.of());
    }

    /**
     * What the current page cost to load, from the browser's Resource Timing: bytes over the network (the page and
     * everything it loaded; a file from the cache counts 0), the files from the cache, and milliseconds from the
     * navigation's start to the end of its load event.
     */
    PageLoad pageLoad() {
        // the navigation's timing is complete only once its load event has ended
        waiting().until(d -> ((Number) ((JavascriptExecutor) d).executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                return nav ? nav.loadEventEnd : 0;""")).doubleValue() > 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                const resources = performance.getEntriesByType('resource');
                return {
                  bytes: [nav].concat(resources).reduce((sum, e) => sum + (e.transferSize || 0), 0),
                  cached: resources.filter(e => e.transferSize === 0 && e.decodedBodySize > 0).length,
                  files: resources.length,
                  millis: Math.round(nav.loadEventEnd - nav.startTime)
                };""");
        return new PageLoad(((Number) measured.get("bytes")).longValue(), ((Number) measured.get("files")).intValue(),
                ((Number) measured.get("cached")).intValue(), ((Number) measured.get("millis")).longValue());
    }

    /** A page's load: bytes over the network, files it loaded, of them from the cache, load time. */
    record PageLoad(long bytes, int files, int cached, long millis) {
    }

    void screenshot(String name) {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets every cookie of the browser (the dashboard's session and Keycloak's), as a new browser would. */
    void forget() {
        // every cookie of every path and port (Keycloak's are under /realms/...), not only the current page's
        ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Override
    public void close() {
        driver.quit();
    }
}

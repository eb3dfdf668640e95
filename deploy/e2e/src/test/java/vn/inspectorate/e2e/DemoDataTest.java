package vn.inspectorate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import vn.inspectorate.deploy.DemoData;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.deploy.demo.Count;
import vn.inspectorate.deploy.demo.ExpectedFigures;

/**
 * {@code ./platform --demo-data} on the real platform: the first load creates the whole demo set through the gateway,
 * a second creates nothing, and the reporting service, fed only by the services' events, shows exactly the figures the
 * demo records add up to. Cases and declarations are scoped by body codes only demo data uses; the inspectorates are
 * shared, so their figures are compared as the change from before the load, over days that end yesterday.
 */
@Order(5)
class DemoDataTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    /** Every scope the demo data reports in, with whether its days end yesterday (the shared inspectorates). */
    private record Scope(String province, String body, boolean endsYesterday) {
    }

    private static final List<Scope> SCOPES = List.of(new Scope("VN-HN", "HN-TCD", false),
            new Scope("VN-18", "NB-TCD", false), new Scope("VN-HN", "TTT-HN", true), new Scope("VN-18", "TTT-NB", true),
            new Scope("VN-HN", "HN-SO-NN-MT", false), new Scope("VN-HN", "HN-SO-XD", false));

    @Test
    void loadsOnceThroughTheGatewayAndFillsTheReports() {
        Platform platform = RunningPlatform.get();
        String analyst = RunningPlatform.userToken("analyst");
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate from = today.minusDays(400);
        Map<Scope, Map<String, Long>> before = new LinkedHashMap<>();
        SCOPES.forEach(s -> before.put(s, Eventually.poll("the reports of " + s + " before the load", DEADLINE,
                () -> figures(analyst, s, from, today), f -> f != null)));

        DemoData.Summary first = DemoData.load(platform.gatewayUrl(), platform.keycloak().tokenUrl(),
                line -> System.out.println("[demo] " + line));
        System.out.println("[e2e] first demo load: " + first.line());
        long loadedAt = System.nanoTime();
        assertThat(first.cases()).isEqualTo(new Count(54, 0));
        assertThat(first.plans()).isEqualTo(new Count(2, 0));
        assertThat(first.inspections()).isEqualTo(new Count(6, 0));
        assertThat(first.conclusions()).isEqualTo(new Count(2, 0));
        assertThat(first.declarants()).isEqualTo(new Count(5, 0));
        assertThat(first.declarations()).isEqualTo(new Count(6, 0));
        assertThat(first.steps().existing()).isZero();
        assertThat(first.steps().created()).isGreaterThan(60);
        assertThat(first.createdNothing()).isFalse();

        DemoData.Summary second = DemoData.load(platform.gatewayUrl(), platform.keycloak().tokenUrl(),
                line -> System.out.println("[demo] " + line));
        System.out.println("[e2e] second demo load: " + second.line());
        assertThat(second.createdNothing()).as(second.line()).isTrue();
        assertThat(second.line()).startsWith("demo data already present");
        for (var pair : List.of(List.of(first.cases(), second.cases()), List.of(first.steps(), second.steps()),
                List.of(first.plans(), second.plans()), List.of(first.inspections(), second.inspections()),
                List.of(first.conclusions(), second.conclusions()), List.of(first.declarants(), second.declarants()),
                List.of(first.declarations(), second.declarations()))) {
            assertThat(pair.get(1).existing()).isEqualTo(pair.get(0).total());
        }
        assertThat(second.figures()).isEqualTo(first.figures());
        assertThat(first.verificationPlanId()).isNotBlank();
        assertThat(second.verificationPlanId()).isEqualTo(first.verificationPlanId());
        assertThat(second.line()).endsWith("verification plan " + first.verificationPlanId());

        // the figures the load reports cover the demo's scopes, among them a red flag and the concluded inspections
        Map<Scope, ExpectedFigures> expected = new LinkedHashMap<>();
        for (ExpectedFigures e : first.figures()) {
            Scope scope = SCOPES.stream().filter(s -> s.province().equals(e.province()) && s.body().equals(e.body()))
                    .findFirst().orElseThrow(() -> new AssertionError("unexpected scope " + e));
            assertThat(e.from()).isAfterOrEqualTo(from);
            assertThat(e.to()).isEqualTo(scope.endsYesterday() ? today.minusDays(1) : today);
            expected.put(scope, e);
        }
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(SCOPES);
        assertThat(total(first, "cases.received")).isEqualTo(54);
        assertThat(total(first, "cases.accepted")).isEqualTo(30);
        assertThat(total(first, "cases.resolved")).isEqualTo(17);
        assertThat(total(first, "inspections.opened")).isEqualTo(6);
        assertThat(total(first, "inspections.conclusions")).isEqualTo(2);
        assertThat(total(first, "inspections.violations_vnd")).isEqualTo(4_820_000_000L + 1_265_000_000L
                + 2_150_000_000L + 875_000_000L);
        assertThat(total(first, "declarations.submitted")).isEqualTo(6);
        // one declaration raises red flags: the supplementary one with an unexplained increase of 1.8 billion VND
        assertThat(total(first, "declarations.flagged")).isEqualTo(1);
        // the lists people follow up have content: watched cases, part of two recoveries, a verification draw
        assertThat(total(first, "cases.watchlisted")).isEqualTo(5);
        assertThat(total(first, "cases.watchlist_progress_reports")).isPositive();
        assertThat(total(first, "inspections.recovered_vnd")).isEqualTo(1_265_000_000L / 5 * 2 + 875_000_000L / 5 * 2);
        assertThat(total(first, "declarations.selected")).isPositive();

        // the reporting service, fed by the events alone, comes to the same figures in every scope
        for (Scope scope : SCOPES) {
            Map<String, Long> wanted = expected.get(scope).values();
            Map<String, Long> after = Eventually.poll("the demo figures of " + scope + " in the reports: " + wanted,
                    DEADLINE, () -> figures(analyst, scope, from, today),
                    f -> f != null && wanted.entrySet().stream().allMatch(w ->
                            f.getOrDefault(w.getKey(), 0L) - before.get(scope).getOrDefault(w.getKey(), 0L)
                                    == w.getValue()));
            assertThat(after).isNotNull();
        }
        System.out.printf("[e2e] first demo load done -> every demo figure visible in reporting: %d ms%n",
                (System.nanoTime() - loadedAt) / 1_000_000);
    }

    private static Map<String, Long> figures(String analyst, Scope scope, LocalDate from, LocalDate today) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("province", scope.province());
        params.put("body", scope.body());
        params.put("from", from.toString());
        params.put("to", (scope.endsYesterday() ? today.minusDays(1) : today).toString());
        return ReportFigures.summary(analyst, params);
    }

    private static long total(DemoData.Summary summary, String figure) {
        return summary.figures().stream().mapToLong(f -> f.values().getOrDefault(figure, 0L)).sum();
    }
}

package vn.inspectorate.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.reporting.figures.Figure;
import vn.inspectorate.reporting.figures.FigureQueries;
import vn.inspectorate.reporting.figures.FigureQueries.Dimension;
import vn.inspectorate.reporting.figures.ReportFilter;
import vn.inspectorate.reporting.periods.Calendar;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.projection.Contribution;
import vn.inspectorate.reporting.projection.ProjectionStore;
import vn.inspectorate.reporting.projection.ProjectionWrites;
import vn.inspectorate.reporting.units.AdministrativeUnits;
import vn.inspectorate.reporting.units.UnitMode;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * The figures read from the monthly and yearly roll-ups (whole years and months, ragged days from the daily table)
 * and from the national daily totals equal a plain sum over {@code daily_figure}, for periods of every shape, every
 * scope and after late changes; and "overdue now" from the open-case counts equals a count over {@code case_state}. The records are written the way the
 * projector writes them, in 1996-1998 and under an unknown province for case states, so they stay out of the periods
 * the other reporting tests read; the case states are removed at the end.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollUpEquivalenceTest {

    private static final LocalDate FIRST = LocalDate.parse("1996-01-01");
    private static final LocalDate TODAY = LocalDate.parse("2026-06-10");
    private static final String[] PROVINCES = {"VN-HN", "VN-18", "VN-63", "VN-25", "VN-24"};
    private static final String[] KINDS = {"COMPLAINT", "DENUNCIATION", "ANNUAL"};
    private static final String[] SECTORS = {"", "LAND", "FINANCE"};
    private static final String[] FIGURES = {"cases.received", "cases.resolved", "inspections.violations_vnd",
        "declarations.submitted"};
    private static final String CASE_PROVINCE = "VN-ZZ-ROLLUP";

    /** Every record's contributions as last written. */
    private static final Map<UUID, List<Contribution>> records = new TreeMap<>();
    private static final List<UUID> cases = new ArrayList<>();

    @Inject
    ProjectionStore store;
    @Inject
    FigureQueries queries;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AdministrativeUnits units;

    private static final List<LocalDate[]> PERIODS = periods();

    private static List<LocalDate[]> periods() {
        List<LocalDate[]> p = new ArrayList<>();
        String[][] named = {
            {"1996-03-10", "1996-05-20"},   // starts and ends mid-month
            {"1996-02-01", "1996-04-30"},   // whole months
            {"1997-01-01", "1997-12-31"},   // a whole year
            {"1996-01-01", "1998-12-31"},   // whole years
            {"1996-11-15", "1998-02-14"},   // across years, ragged at both ends
            {"1996-12-15", "1997-12-14"},   // a sector year
            {"1997-06-03", "1997-06-17"},   // inside one month
            {"1996-02-29", "1996-02-29"},   // one day
            {"1995-12-20", "1996-01-31"},   // before the first record
            {"1997-12-01", "1999-01-31"}};  // whole months, a year, past the last record
        for (String[] n : named) {
            p.add(new LocalDate[] {LocalDate.parse(n[0]), LocalDate.parse(n[1])});
        }
        Random random = new Random(11);
        for (int i = 0; i < 25; i++) {
            LocalDate start = FIRST.minusDays(20).plusDays(random.nextInt(1150));
            p.add(new LocalDate[] {start, start.plusDays(random.nextInt(i % 5 == 0 ? 900 : 120))});
        }
        return p;
    }

    private static List<ReportFilter> filters() {
        return List.of(
                new ReportFilter(null, null, null, null, null, UnitMode.FILED),
                new ReportFilter("VN-HN", Set.of("VN-HN"), null, null, null, UnitMode.FILED),
                new ReportFilter("VN-18", Set.of("VN-18", "VN-63", "VN-67"), null, null, null, UnitMode.CURRENT),
                new ReportFilter(null, null, "HN-BODY-2", null, null, UnitMode.FILED),
                new ReportFilter(null, null, null, "LAND", null, UnitMode.FILED),
                new ReportFilter(null, null, null, null, "DENUNCIATION", UnitMode.FILED),
                new ReportFilter("VN-25", Set.of("VN-25"), null, null, "COMPLAINT", UnitMode.FILED),
                new ReportFilter(null, null, null, null, null, UnitMode.CURRENT));
    }

    private static Contribution randomContribution(Random random) {
        String province = PROVINCES[random.nextInt(PROVINCES.length)];
        return new Contribution(FIGURES[random.nextInt(FIGURES.length)], province,
                province.substring(3) + "-BODY-" + (1 + random.nextInt(3)), SECTORS[random.nextInt(SECTORS.length)],
                KINDS[random.nextInt(KINDS.length)], FIRST.plusDays(random.nextInt(3 * 365 + 1)),
                1 + random.nextInt(1000));
    }

    @Test
    @Order(1)
    void rollUpsAnswerLikeTheDailyTable() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            UUID id = new UUID(0x9011_0000_0000_0000L, i);
            List<Contribution> contributions = new ArrayList<>();
            for (int c = 1 + random.nextInt(4); c > 0; c--) {
                contributions.add(randomContribution(random));
            }
            ProjectionWrites.replaceContributions(store, id, contributions);
            records.put(id, contributions);
        }
        assertTablesAgree();
        assertQueriesAgree();
    }

    @Test
    @Order(2)
    void lateEventsOnOldDaysMoveTheirMonthAndYear() throws Exception {
        Random random = new Random(5);
        List<UUID> ids = new ArrayList<>(records.keySet());
        UUID late = ids.get(0);
        Contribution first = records.get(late).get(0);
        // a contribution arriving late on an old day: the month and year of that day move with it
        LocalDate oldDay = LocalDate.parse("1996-07-09");
        Contribution added = new Contribution(first.figure(), first.provinceCode(), first.bodyCode(), first.sector(),
                first.kind(), oldDay, 777);
        long monthBefore = rollUp("monthly_figure", "month", Date.valueOf("1996-07-01"), added);
        long yearBefore = rollUp("yearly_figure", "year", 1996, added);
        List<Contribution> next = new ArrayList<>(records.get(late));
        next.add(added);
        ProjectionWrites.replaceContributions(store, late, next);
        records.put(late, next);
        assertThat(rollUp("monthly_figure", "month", Date.valueOf("1996-07-01"), added)).isEqualTo(monthBefore + 777);
        assertThat(rollUp("yearly_figure", "year", 1996, added)).isEqualTo(yearBefore + 777);

        // corrections: records move to another day, unit or kind, lose a figure, or disappear
        for (int i = 1; i < 120; i++) {
            UUID id = ids.get(i);
            List<Contribution> changed = new ArrayList<>(records.get(id));
            switch (i % 4) {
                case 0 -> changed.set(0, randomContribution(random));
                case 1 -> {
                    Contribution c = changed.get(0);
                    changed.set(0, new Contribution(c.figure(), c.provinceCode(), c.bodyCode(), c.sector(), c.kind(),
                            c.day().minusDays(random.nextInt(400)), c.value()));
                }
                case 2 -> changed.remove(0);
                default -> changed.clear();
            }
            ProjectionWrites.replaceContributions(store, id, changed);
            records.put(id, changed);
        }
        assertTablesAgree();
        assertQueriesAgree();
    }

    @Test
    @Order(3)
    @TestSecurity(user = "analyst", roles = Roles.CENTRAL_ANALYST)
    void nationalReadersGetTheDailySumsThroughTheApi() throws Exception {
        ReportFilter nation = filters().get(0);
        JsonPath summary = given().get("/api/v1/reports/summary?from=1996-11-15&to=1998-02-14").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Long> expected = referenceSums(LocalDate.parse("1996-11-15"), LocalDate.parse("1998-02-14"), nation);
        Map<String, Long> before = referenceSums(LocalDate.parse("1995-11-15"), LocalDate.parse("1997-02-14"), nation);
        for (String figure : FIGURES) {
            assertThat(summary.getLong("figures.find { it.figure == '" + figure + "' }.value"))
                    .isEqualTo(expected.getOrDefault(figure, 0L)).isPositive();
            assertThat(summary.getLong("figures.find { it.figure == '" + figure + "' }.previousValue"))
                    .isEqualTo(before.getOrDefault(figure, 0L));
        }
        JsonPath series = given().get("/api/v1/reports/series?figure=cases.received&period=1997&granularity=month"
                + "&calendar=sector").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> points = series.getList("points");
        assertThat(points).hasSize(12);
        for (Map<String, Object> point : points) {
            @SuppressWarnings("unchecked")
            Map<String, Object> period = (Map<String, Object>) point.get("period");
            LocalDate start = LocalDate.parse((String) period.get("start"));
            LocalDate end = LocalDate.parse((String) period.get("end"));
            assertThat(start.getDayOfMonth()).isEqualTo(15);
            assertThat(((Number) point.get("value")).longValue())
                    .isEqualTo(referenceSums(start, end, nation).getOrDefault("cases.received", 0L));
        }
    }

    @Test
    @Order(4)
    @TestSecurity(user = "province-hn", roles = Roles.PROVINCIAL_SYSTEM)
    @io.quarkus.test.security.oidc.OidcSecurity(claims = @io.quarkus.test.security.oidc.Claim(key = "province",
            value = "VN-HN"))
    void provincialReadersStillSeeTheirProvinceOnly() throws Exception {
        JsonPath summary = given().get("/api/v1/reports/summary?period=1997-H2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(summary.getString("scope.province")).isEqualTo("VN-HN");
        Map<String, Long> expected = referenceSums(LocalDate.parse("1997-07-01"), LocalDate.parse("1997-12-31"),
                filters().get(1));
        for (String figure : FIGURES) {
            assertThat(summary.getLong("figures.find { it.figure == '" + figure + "' }.value"))
                    .isEqualTo(expected.getOrDefault(figure, 0L));
        }
        JsonPath breakdown = given().get("/api/v1/reports/breakdown?figure=declarations.submitted&by=province"
                + "&from=1996-03-10&to=1997-08-20").then().statusCode(200).extract().jsonPath();
        assertThat(breakdown.getList("rows.key")).containsExactly("VN-HN");
        given().get("/api/v1/reports/summary?period=1997&province=VN-18").then().statusCode(403);
        given().get("/api/v1/reports/breakdown?figure=cases.received&by=body&period=1997&province=VN-25")
                .then().statusCode(403);
    }

    @Test
    @Order(5)
    void overdueNowFromTheOpenCaseCountsEqualsACountOfCases() throws Exception {
        Random random = new Random(9);
        String[] kinds = {"COMPLAINT", "PETITION"};
        for (int i = 0; i < 120; i++) {
            UUID id = new UUID(0x9022_0000_0000_0000L, i);
            cases.add(id);
            int due = random.nextInt(5);
            ProjectionWrites.saveCaseState(store, id, CASE_PROVINCE, "ZZ-BODY-" + random.nextInt(2),
                    kinds[random.nextInt(2)], due == 0 ? null : TODAY.plusDays(random.nextInt(41) - 20),
                    random.nextInt(6) == 0 ? TODAY.minusDays(3) : null, random.nextInt(10) == 0);
        }
        assertNowAgrees();
        // cases change: resolved, deadline extended, handed to another body, reopened by a correction
        for (int i = 0; i < 60; i++) {
            UUID id = cases.get(random.nextInt(cases.size()));
            ProjectionWrites.saveCaseState(store, id, CASE_PROVINCE, "ZZ-BODY-" + random.nextInt(3),
                    kinds[random.nextInt(2)], random.nextInt(4) == 0 ? null : TODAY.plusDays(random.nextInt(41) - 20),
                    random.nextInt(3) == 0 ? TODAY.minusDays(1) : null, random.nextInt(10) == 0);
        }
        assertNowAgrees();
        // leave no open case behind for the other tests: close them, then drop the rows
        for (UUID id : cases) {
            ProjectionWrites.saveCaseState(store, id, CASE_PROVINCE, "ZZ-BODY-0", "COMPLAINT", TODAY,
                    TODAY.minusDays(1), false);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("delete from case_state where case_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", cases.toArray()));
            assertThat(s.executeUpdate()).isEqualTo(cases.size());
        }
        assertThat(count("select coalesce(sum(cases), 0) from open_case_count where province_code = ?",
                CASE_PROVINCE)).isZero();
        assertThat(count("""
                select count(*) from (
                  select province_code, body_code, kind, cases from open_case_count where cases <> 0
                  except
                  select province_code, body_code, kind, count(*) from case_state
                  where open and due_on is not null group by 1, 2, 3) d""")).isZero();
    }

    private void assertNowAgrees() throws SQLException {
        List<ReportFilter> filters = List.of(
                new ReportFilter(null, null, null, null, null, UnitMode.FILED),
                new ReportFilter(CASE_PROVINCE, Set.of(CASE_PROVINCE), null, null, null, UnitMode.FILED),
                new ReportFilter(CASE_PROVINCE, Set.of(CASE_PROVINCE), "ZZ-BODY-1", null, "PETITION",
                        UnitMode.FILED));
        boolean someOverdue = false;
        for (ReportFilter filter : filters) {
            for (LocalDate today : List.of(TODAY.minusDays(25), TODAY, TODAY.plusDays(7), TODAY.plusDays(30))) {
                Map<Figure, Long> now = queries.now(filter, today);
                List<Object> params = new ArrayList<>(List.of(Date.valueOf(today)));
                String where = referenceWhere(filter, params, false);
                long[] expected = new long[2];
                query("select count(*) filter (where open and due_on < ?), count(*) filter (where on_watchlist)"
                        + " from case_state where true" + where, params, rs -> {
                            expected[0] = rs.getLong(1);
                            expected[1] = rs.getLong(2);
                        });
                assertThat(now.get(Figure.CASES_OVERDUE_NOW)).as("overdue now %s %s", filter, today)
                        .isEqualTo(expected[0]);
                assertThat(now.get(Figure.CASES_ON_WATCHLIST_NOW)).isEqualTo(expected[1]);
                // a summary reads the same in one statement with both periods' sums
                Period year = new Period("1997", null, Calendar.CALENDAR, LocalDate.parse("1997-01-01"),
                        LocalDate.parse("1997-12-31"));
                Period before = new Period("1996", null, Calendar.CALENDAR, LocalDate.parse("1996-01-01"),
                        LocalDate.parse("1996-12-31"));
                FigureQueries.SummaryFigures summary = queries.summary(year, before, filter, today);
                assertThat(summary.now()).isEqualTo(now);
                assertThat(summary.current()).isEqualTo(queries.sums(year, filter));
                assertThat(summary.previous()).isEqualTo(queries.sums(before, filter));
                someOverdue |= filter.provinceCodes() != null && expected[0] > 0;
            }
        }
        assertThat(someOverdue).isTrue();
    }

    /**
     * The daily rows of the test's years are the sums of the contributions the test wrote, and every roll-up row is
     * the sum of the daily rows of its month or year, and exists exactly when they do.
     */
    private void assertTablesAgree() throws SQLException {
        Map<String, Long> daily = new TreeMap<>();
        query("select figure, day, province_code, body_code, sector, kind, value from daily_figure"
                + " where day between ? and ? and value <> 0", List.of(Date.valueOf(FIRST.minusYears(1)),
                        Date.valueOf(FIRST.plusYears(4))), rs -> daily.put(String.join(" ", rs.getString(1),
                                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                                rs.getLong(7)));
        Map<String, Long> wrote = new TreeMap<>();
        records.values().stream().flatMap(List::stream).forEach(c -> wrote.merge(String.join(" ", c.figure(),
                c.day().toString(), c.provinceCode(), c.bodyCode(), c.sector(), c.kind()), c.value(), Long::sum));
        wrote.values().removeIf(v -> v == 0);
        assertThat(daily).as("daily_figure against the contributions written").isEqualTo(wrote);
        assertThat(count("""
                select count(*) from (
                  (select figure, month, province_code, body_code, sector, kind, value from monthly_figure
                   except all
                   select figure, date_trunc('month', day)::date, province_code, body_code, sector, kind, sum(value)
                   from daily_figure group by 1, 2, 3, 4, 5, 6)
                  union all
                  (select figure, date_trunc('month', day)::date, province_code, body_code, sector, kind, sum(value)
                   from daily_figure group by 1, 2, 3, 4, 5, 6
                   except all
                   select figure, month, province_code, body_code, sector, kind, value from monthly_figure)) d""")).isZero();
        assertThat(count("""
                select count(*) from (
                  (select figure, year, province_code, body_code, sector, kind, value from yearly_figure
                   except all
                   select figure, extract(year from day)::integer, province_code, body_code, sector, kind, sum(value)
                   from daily_figure group by 1, 2, 3, 4, 5, 6)
                  union all
                  (select figure, extract(year from day)::integer, province_code, body_code, sector, kind, sum(value)
                   from daily_figure group by 1, 2, 3, 4, 5, 6
                   except all
                   select figure, year, province_code, body_code, sector, kind, value from yearly_figure)) d""")).isZero();
        // a matter counts once nationally, not once per province it was filed in: not a sum of the provinces
        assertThat(count("""
                select count(*) from (
                  (select day, figure, value from national_daily_figure where figure <> 'cases.matters_received'
                   except all
                   select day, figure, sum(value) from daily_figure where figure <> 'cases.matters_received'
                   group by 1, 2)
                  union all
                  (select day, figure, sum(value) from daily_figure where figure <> 'cases.matters_received'
                   group by 1, 2
                   except all
                   select day, figure, value from national_daily_figure
                   where figure <> 'cases.matters_received')) d""")).isZero();
        assertThat(count("select count(*) from monthly_figure where month < '1999-01-01'")).isPositive();
    }

    private void assertQueriesAgree() throws SQLException {
        int nonZero = 0;
        for (LocalDate[] range : PERIODS) {
            Period period = new Period(range[0] + ".." + range[1], null, Calendar.CALENDAR, range[0], range[1]);
            for (ReportFilter filter : filters()) {
                Map<String, Long> reference = referenceSums(range[0], range[1], filter);
                Map<Figure, Long> sums = queries.sums(period, filter);
                Map<Figure, Long> expected = new EnumMap<>(Figure.class);
                for (Figure f : Figure.values()) {
                    if (!f.isNow()) {
                        expected.put(f, reference.getOrDefault(f.code(), 0L));
                    }
                }
                assertThat(sums).as("sums %s..%s %s", range[0], range[1], filter).isEqualTo(expected);
                nonZero += expected.values().stream().anyMatch(v -> v != 0) ? 1 : 0;
                for (String code : List.of("cases.received", "inspections.violations_vnd")) {
                    Figure figure = Figure.byCode(code).orElseThrow();
                    for (Dimension by : Dimension.values()) {
                        assertThat(withoutZeros(queries.breakdown(figure, period, filter, by, TODAY)))
                                .as("%s by %s %s..%s %s", code, by, range[0], range[1], filter)
                                .isEqualTo(referenceBreakdown(code, by, range[0], range[1], filter));
                    }
                }
            }
        }
        assertThat(nonZero).isGreaterThan(PERIODS.size() * filters().size() / 2);
        // a series: many periods and their previous years in one statement
        Figure figure = Figure.byCode("declarations.submitted").orElseThrow();
        List<Period> parts = new ArrayList<>();
        for (LocalDate[] range : PERIODS) {
            parts.add(new Period("p", null, Calendar.CALENDAR, range[0], range[1]));
        }
        for (ReportFilter filter : filters()) {
            long[] sums = queries.sums(figure, parts, filter);
            for (int i = 0; i < parts.size(); i++) {
                assertThat(sums[i]).isEqualTo(referenceSums(parts.get(i).start(), parts.get(i).end(), filter)
                        .getOrDefault(figure.code(), 0L));
            }
        }
        // the national report's table by province, rolled up to today's units
        List<Figure> headline = List.of(Figure.CASES_RECEIVED, Figure.CASES_RESOLVED, Figure.DECLARATIONS_SUBMITTED);
        Period years = new Period("y", null, Calendar.CALENDAR, LocalDate.parse("1996-03-10"),
                LocalDate.parse("1998-10-20"));
        Map<String, Map<Figure, Long>> table = new TreeMap<>();
        // a row whose records were all corrected away may stay with 0: the records written decide the rest
        queries.byProvince(headline, years, filters().get(7), TODAY).forEach((province, values) -> {
            Map<Figure, Long> kept = new EnumMap<>(Figure.class);
            values.forEach((f, v) -> {
                if (v != 0) {
                    kept.put(f, v);
                }
            });
            if (!kept.isEmpty()) {
                table.put(province, kept);
            }
        });
        Map<String, String> rollUp = units.rollUp(TODAY);
        Map<String, Map<Figure, Long>> expected = new TreeMap<>();
        for (Figure f : headline) {
            referenceBreakdown(f.code(), Dimension.PROVINCE, years.start(), years.end(), filters().get(0))
                    .forEach((province, value) -> expected.computeIfAbsent(rollUp.getOrDefault(province, province),
                            k -> new EnumMap<>(Figure.class)).merge(f, value, Long::sum));
        }
        assertThat(table).isEqualTo(expected).containsKey("VN-18").doesNotContainKey("VN-63");
    }

    /** The sums of the contributions this test wrote (as last written), not of any table the store writes. */
    private Map<String, Long> referenceSums(LocalDate start, LocalDate end, ReportFilter filter) {
        Map<String, Long> sums = new HashMap<>();
        written(start, end, filter).forEach(c -> sums.merge(c.figure(), c.value(), Long::sum));
        return sums;
    }

    private Map<String, Long> referenceBreakdown(String figure, Dimension by, LocalDate start, LocalDate end,
            ReportFilter filter) {
        Map<String, String> rollUp = filter.units() == UnitMode.CURRENT && by == Dimension.PROVINCE
                ? units.rollUp(TODAY) : Map.of();
        Map<String, Long> rows = new TreeMap<>();
        written(start, end, filter).filter(c -> c.figure().equals(figure)).forEach(c -> {
            String key = switch (by) {
                case PROVINCE -> c.provinceCode();
                case BODY -> c.bodyCode();
                case SECTOR -> c.sector();
                case KIND -> c.kind();
            };
            rows.merge(rollUp.getOrDefault(key, key), c.value(), Long::sum);
        });
        return rows;
    }

    /** A breakdown without its rows of 0 (a unit whose records were all corrected away may keep one). */
    private static Map<String, Long> withoutZeros(Map<String, Long> rows) {
        Map<String, Long> nonZero = new TreeMap<>(rows);
        nonZero.values().removeIf(v -> v == 0);
        return nonZero;
    }

    /** The contributions this test wrote on the days of the period that the filter selects. */
    private static Stream<Contribution> written(LocalDate start, LocalDate end, ReportFilter f) {
        return records.values().stream().flatMap(List::stream)
                .filter(c -> !c.day().isBefore(start) && !c.day().isAfter(end))
                .filter(c -> f.provinceCodes() == null || f.provinceCodes().contains(c.provinceCode()))
                .filter(c -> f.body() == null || f.body().equals(c.bodyCode()))
                .filter(c -> f.sector() == null || f.sector().equals(c.sector()))
                .filter(c -> f.kind() == null || f.kind().equals(c.kind()));
    }

    private static String referenceWhere(ReportFilter f, List<Object> params, boolean withSector) {
        StringBuilder sql = new StringBuilder();
        if (f.provinceCodes() != null) {
            sql.append(" and province_code = any(?)");
            params.add(f.provinceCodes().toArray(String[]::new));
        }
        if (f.body() != null) {
            sql.append(" and body_code = ?");
            params.add(f.body());
        }
        if (withSector && f.sector() != null) {
            sql.append(" and sector = ?");
            params.add(f.sector());
        }
        if (f.kind() != null) {
            sql.append(" and kind = ?");
            params.add(f.kind());
        }
        return sql.toString();
    }

    private long rollUp(String table, String column, Object period, Contribution c) throws SQLException {
        long[] value = new long[1];
        query("select coalesce(sum(value), 0) from " + table + " where " + column + " = ? and figure = ?"
                + " and province_code = ? and body_code = ? and sector = ? and kind = ?",
                List.of(period, c.figure(), c.provinceCode(), c.bodyCode(), c.sector(), c.kind()),
                rs -> value[0] = rs.getLong(1));
        return value[0];
    }

    private long count(String sql, Object... params) throws SQLException {
        long[] n = new long[1];
        query(sql, List.of(params), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<?> params, Row row) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }
}

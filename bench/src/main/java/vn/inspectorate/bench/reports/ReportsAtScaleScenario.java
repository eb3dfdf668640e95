package vn.inspectorate.bench.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.inspectorate.bench.core.BenchPlatform;
import vn.inspectorate.bench.core.Goal;
import vn.inspectorate.bench.core.Profiling;
import vn.inspectorate.bench.core.Scenario;
import vn.inspectorate.bench.core.ScenarioResult;
import vn.inspectorate.bench.core.Settings;
import vn.inspectorate.bench.core.Sql;
import vn.inspectorate.bench.core.Table;
import vn.inspectorate.bench.load.Wrk;
import vn.inspectorate.bench.load.WrkResult;
import vn.inspectorate.bench.profile.FlightRecorder;

/**
 * Scenario 4: ten million cases, with inspections and declarations in proportion, written into the reporting
 * projections with COPY while the reporting service is stopped; then summaries, breakdowns and series through the
 * gateway, p95 per kind of query.
 */
public final class ReportsAtScaleScenario implements Scenario {

    static final double P95_GOAL_MS = 100;
    /** Twenty years of cases at the national rate (about 500,000 a year). */
    static final int DAYS = 7305;
    private static final String WRK_TIMEOUT = "10s";
    private static final double WRK_TIMEOUT_MS = 10_000;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Override
    public String name() {
        return "reports";
    }

    /**
     * Each kind of query through the gateway, over what the platform holds so far (the scenario loads its millions of
     * rows later, in its run).
     */
    @Override
    public void train(BenchPlatform bench) throws Exception {
        Path work = bench.work().resolve("training");
        Wrk wrk = Wrk.script("paths.lua", work);
        String token = bench.userToken("analyst");
        for (Map.Entry<String, List<String>> query : queries(LocalDate.now(VIETNAM)).entrySet()) {
            Path paths = work.resolve(query.getKey() + ".paths");
            Files.write(paths, query.getValue());
            wrk.run(bench.platform().gatewayUrl(), 2, Math.max(1, Settings.trainingSeconds() / 4), WRK_TIMEOUT, token,
                    paths.toString()).requireAccepted("the training load of " + query.getKey() + " queries");
        }
    }

    @Override
    public ScenarioResult run(BenchPlatform bench) throws Exception {
        ScenarioResult result = new ScenarioResult(name(), "reports over " + String.format("%,d",
                Settings.reportCases()) + " cases");
        Path work = bench.work().resolve("reports");
        Files.createDirectories(work);
        long cases = Settings.reportCases();
        long inspections = Math.max(1, cases / 100);
        long declarations = Math.max(1, cases / 10);
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate first = today.minusDays(DAYS);
        List<Unit> units = units(bench);

        // The projections have one writer, the service; it is stopped so the load does not race its upserts.
        bench.platform().kill("reporting-service");
        long loadBegan = System.nanoTime();
        Map<String, String> indexes = dropIndexes(bench);
        ProjectionGenerator generator = new ProjectionGenerator(new ProjectionGenerator.Plan(cases, inspections,
                declarations, today, DAYS, d -> units.stream().filter(u -> u.inForce(first.plusDays(d)))
                        .map(Unit::code).toList()));
        ProjectionGenerator.Counts counts = generator.load(() -> bench.connect("reporting"), 2);
        double copySeconds = (System.nanoTime() - loadBegan) / 1e9;
        long aggregateBegan = System.nanoTime();
        // Memory for one big aggregation and the index builds, for this session only (the server's defaults are
        // small). Generated body codes ("XX-BODY-n") never occur in the services' events, so the generated daily rows
        // cannot meet rows the service keeps and a plain insert suffices; the primary key rebuilt below checks it.
        Sql.execute(bench, "reporting", """
                set work_mem = '512MB';
                insert into daily_figure (figure, day, province_code, body_code, sector, kind, value)
                select figure, day, province_code, body_code, sector, kind, sum(value) from figure_contribution
                where %s
                group by 1, 2, 3, 4, 5, 6""".formatted(ProjectionGenerator.generatedRecordIds("record_id")));
        double aggregateSeconds = (System.nanoTime() - aggregateBegan) / 1e9;
        // the roll-ups the service keeps in the same transaction as daily_figure, filled the way its migration does
        Map<ProjectionGenerator.RollUp, double[]> rollUps = new LinkedHashMap<>();
        for (ProjectionGenerator.RollUp rollUp : ProjectionGenerator.ROLL_UPS) {
            long began = System.nanoTime();
            long rows = ProjectionGenerator.fill(() -> bench.connect("reporting"), rollUp);
            rollUps.put(rollUp, new double[] {rows, (System.nanoTime() - began) / 1e9});
        }
        long indexBegan = System.nanoTime();
        Sql.execute(bench, "reporting", "set maintenance_work_mem = '512MB';\n"
                + String.join(";\n", indexes.values()));
        // vacuum sets the visibility map, as autovacuum does after a bulk insert: index-only scans then skip the heap
        for (String maintenance : List.of("analyze case_state", "analyze figure_contribution",
                "vacuum analyze daily_figure", "vacuum analyze monthly_figure", "vacuum analyze yearly_figure",
                "vacuum analyze national_daily_figure", "vacuum analyze open_case_count")) {
            Sql.execute(bench, "reporting", maintenance); // one by one: vacuum runs outside a transaction block
        }
        double indexSeconds = (System.nanoTime() - indexBegan) / 1e9;
        String rollUpCheck = checkRollUps(bench, today.getYear() - 1);
        double loadSeconds = (System.nanoTime() - loadBegan) / 1e9;
        long dailyRows = Sql.count(bench, "reporting", "select count(*) from daily_figure");
        long restartBegan = System.nanoTime();
        bench.platform().restart("reporting-service");
        double restartSeconds = (System.nanoTime() - restartBegan) / 1e9;

        Table load = new Table("what", "rows", "seconds")
                .row("case_state + figure_contribution (COPY)", counts.caseStates() + counts.contributions(),
                        copySeconds)
                .row("daily_figure (sum of contributions)", dailyRows, aggregateSeconds);
        rollUps.forEach((rollUp, rowsAndSeconds) -> {
            load.row(rollUp.what(), (long) rowsAndSeconds[0], rowsAndSeconds[1]);
            result.figure(rollUp.table() + "Rows", (long) rowsAndSeconds[0]);
        });
        result.table("load (COPY, two writers)", load
                .row("indexes and constraints rebuilt, vacuum analyze", indexes.size(), indexSeconds)
                .row("total", "", loadSeconds));
        result.note(rollUpCheck);
        result.figure("cases", cases).figure("inspections", inspections).figure("declarations", declarations)
                .figure("caseStateRows", counts.caseStates()).figure("contributionRows", counts.contributions())
                .figure("dailyFigureRows", dailyRows).figure("loadSeconds", loadSeconds)
                .figure("copyRowsPerSecond", (counts.caseStates() + counts.contributions()) / copySeconds)
                .figure("reportingRestartSeconds", restartSeconds);

        String token = bench.userToken("analyst");
        String gateway = bench.platform().gatewayUrl();
        Wrk wrk = Wrk.script("paths.lua", work);
        int connections = Integer.getInteger("bench.reports.concurrency", 2);
        int seconds = Math.max(10, Settings.seconds() / 2);
        Table table = new Table("query", "paths", "requests", "non-2xx", "socket errors", "req/s", "p50 (ms)",
                "p95 (ms)", "p99 (ms)");
        Map<String, WrkResult> byQuery = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> query : queries(today).entrySet()) {
            Path paths = work.resolve(query.getKey() + ".paths");
            Files.write(paths, query.getValue());
            wrk.run(gateway, connections, Math.max(3, Settings.warmupSeconds() / 2), WRK_TIMEOUT, token,
                    paths.toString());
            WrkResult r = wrk.run(gateway, connections, seconds, WRK_TIMEOUT, token, paths.toString());
            byQuery.put(query.getKey(), r);
            table.row(query.getKey(), query.getValue().size(), r.requests(), r.non2xx(), r.socketErrorsCell(),
                    r.okPerSecond(), r.percentileCell(r.p50Ms()), r.percentileCell(r.p95Ms()),
                    r.percentileCell(r.p99Ms()));
            result.figure(query.getKey(), Map.of("p50Ms", r.p50Ms(), "p95Ms", r.p95Ms(), "p99Ms", r.p99Ms(),
                    "requests", r.requests(), "non2xx", r.non2xx(), "socketErrors", r.socketErrors(),
                    "timeouts", r.timeouts()));
            if (r.requests() == 0) {
                // nothing answered within wrk's timeout: the p95 is at least that, not the 0 an empty histogram shows
                result.note(query.getKey() + ": no request answered within the 10 s timeout; p95 counted as 10,000 ms");
                result.goal(Goal.atMost(query.getKey() + " p95", P95_GOAL_MS, WRK_TIMEOUT_MS, "ms")
                        .withErrors(r.errors()));
            } else {
                result.goal(Goal.atMost(query.getKey() + " p95", P95_GOAL_MS, r.p95Ms(), "ms").withErrors(r.errors()));
            }
        }
        result.table("queries through the gateway, concurrency " + connections + ", " + seconds
                + " s each after a warm-up", table);
        result.note("generated: " + String.format("%,d", cases) + " cases over " + DAYS + " days ending today ("
                + first + " to " + today + "), " + String.format("%,d", inspections) + " inspections and "
                + String.format("%,d", declarations) + " declarations (1 and 10 per 100 cases), in the provinces in "
                + "force on each day (63 before the merger, 34 after), 5 bodies each; each case's contributions "
                + "follow the service's case fold (received, mass 1 %, accepted 75 %, not accepted 20 %, resolved, "
                + "on time, overdue). Event history (aggregate_event) is not generated: the queries do not read it.");
        result.note("every path answered 2xx unless the non-2xx or socket errors columns say otherwise (a percentile "
                + "measured with errors says so: answers slower than wrk's timeout are not in it); paths: national and one "
                + "province, years, half-years, quarters and months, by province, body and kind.");
        explain(bench, result, today);
        if (Profiling.requested()) {
            String worst = byQuery.entrySet().stream().max((a, b) -> Double.compare(a.getValue().p95Ms(),
                    b.getValue().p95Ms())).orElseThrow().getKey();
            Profiling.profile(bench, result, name(), () -> wrk.run(gateway, connections, seconds, "10s", token,
                    work.resolve(worst + ".paths").toString()));
        } else if (result.anyGoalMissed()) {
            String worst = byQuery.entrySet().stream().max((a, b) -> Double.compare(a.getValue().p95Ms(),
                    b.getValue().p95Ms())).orElseThrow().getKey();
            FlightRecorder jfr = FlightRecorder.ofThisJvm();
            long pid = bench.pid("reporting-service");
            jfr.start(pid);
            wrk.run(gateway, connections, seconds, "10s", token, work.resolve(worst + ".paths").toString());
            result.profileOrNote("reporting-service (" + worst + ")", () -> jfr.stop(pid, work.resolve("reports-" + worst
                    + ".jfr")));
        }
        return result;
    }

    /**
     * What PostgreSQL does for summaries (the service's statements): a national sector year (15 December to 14
     * December) from the nation's daily totals, and one province's sector year from whole months of the monthly
     * roll-up between ragged days.
     */
    private static void explain(BenchPlatform bench, ScenarioResult result, LocalDate today) throws Exception {
        int year = today.getYear() - 1;
        LocalDate start = LocalDate.of(year - 1, 12, 15);
        LocalDate end = LocalDate.of(year, 12, 14);
        explain(bench, result, "national summary of sector year " + year, """
                select figure, sum(value) from (
                  select figure, value from national_daily_figure where day between ? and ?) r
                group by figure""", List.of(start, end));
        String[] province = {"VN-HN"};
        explain(bench, result, "VN-HN summary of sector year " + year, """
                select figure, sum(value) from (
                  select figure, value from daily_figure where day between ? and ? and province_code = any(?)
                  union all select figure, value from monthly_figure where month between ? and ?
                    and province_code = any(?)
                  union all select figure, value from daily_figure where day between ? and ?
                    and province_code = any(?)) r
                group by figure""", List.of(start, LocalDate.of(year - 1, 12, 31), province, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 11, 1), province, LocalDate.of(year, 12, 1), end, province));
    }

    private static void explain(BenchPlatform bench, ScenarioResult result, String what, String sql,
            List<Object> params) throws Exception {
        try (Connection c = bench.connect("reporting");
                PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            result.profile("PostgreSQL: " + what + " (the service's statement)", String.join("\n", plan));
        }
    }

    /** The yearly roll-up of one year against a plain sum of its days, national and per figure; fails on a mismatch. */
    private static String checkRollUps(BenchPlatform bench, int year) throws Exception {
        String sql = """
                select count(*) from (
                  (select figure, sum(value) from yearly_figure where year = ? group by 1
                   except select figure, sum(value) from daily_figure where day between ? and ? group by 1)
                  union all
                  (select figure, sum(value) from daily_figure where day between ? and ? group by 1
                   except select figure, sum(value) from yearly_figure where year = ? group by 1)) d""";
        try (Connection c = bench.connect("reporting"); PreparedStatement s = c.prepareStatement(sql)) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            List<Object> params = List.of(year, first, last, first, last, year);
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException("the yearly roll-up of " + year + " differs from the sum of its days"
                            + " in " + rs.getLong(1) + " figure rows");
                }
            }
        }
        return "roll-ups checked after the load: every figure of " + year + " from yearly_figure equals the sum of its"
                + " days in daily_figure (national).";
    }

    static Map<String, List<String>> queries(LocalDate today) {
        int y = today.getYear() - 1;
        String r = "/api/v1/reports/";
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("summary", List.of(
                r + "summary?period=" + y,
                r + "summary?period=" + y + "-H1",
                r + "summary?period=" + (y - 1) + "-Q3",
                r + "summary?period=" + y + "-06",
                r + "summary?period=" + (y - 3) + "&province=VN-HN",
                r + "summary?period=" + y + "&calendar=sector",
                r + "summary?period=" + y + "&units=current",
                r + "summary?period=" + (y - 1) + "&kind=DENUNCIATION"));
        q.put("breakdown", List.of(
                r + "breakdown?figure=cases.received&by=province&period=" + y,
                r + "breakdown?figure=cases.resolved&by=body&period=" + y + "-Q2",
                r + "breakdown?figure=cases.received&by=kind&period=" + (y - 2),
                r + "breakdown?figure=inspections.conclusions&by=sector&period=" + y,
                r + "breakdown?figure=declarations.submitted&by=kind&period=" + (y - 1) + "-H2",
                r + "breakdown?figure=cases.overdue&by=province&period=" + y + "&units=current"));
        q.put("series", List.of(
                r + "series?figure=cases.received&period=" + y + "&granularity=month",
                r + "series?figure=cases.resolved&period=" + (y - 1) + "&granularity=quarter",
                r + "series?figure=inspections.violations_vnd&period=" + y + "&granularity=month",
                r + "series?figure=declarations.submitted&period=" + (y - 4) + "&granularity=half-year",
                r + "series?figure=cases.accepted&period=" + y + "&granularity=month&province=VN-HN"));
        return q;
    }

    record Unit(String code, LocalDate from, LocalDate to) {
        boolean inForce(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    private static List<Unit> units(BenchPlatform bench) throws Exception {
        List<Unit> units = new ArrayList<>();
        try (Connection c = bench.connect("reporting"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select code, valid_from, valid_to from administrative_unit")) {
            while (rs.next()) {
                units.add(new Unit(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)));
            }
        }
        return units;
    }

    /**
     * Drops the indexes and primary keys of the tables the load fills (building them once afterwards is several times
     * faster than keeping them up to date row by row) and returns the statements that rebuild them.
     */
    private static Map<String, String> dropIndexes(BenchPlatform bench) throws Exception {
        Map<String, String> rebuild = new LinkedHashMap<>();
        List<String> drops = new ArrayList<>();
        try (Connection c = bench.connect("reporting"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
                    where conrelid in ('case_state'::regclass, 'figure_contribution'::regclass, 'daily_figure'::regclass,
                        'monthly_figure'::regclass, 'yearly_figure'::regclass, 'national_daily_figure'::regclass,
                        'open_case_count'::regclass)
                      and contype = 'p'""")) {
                while (rs.next()) {
                    drops.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
                    rebuild.put(rs.getString(2), "alter table " + rs.getString(1) + " add constraint "
                            + rs.getString(2) + " " + rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select indexname, indexdef from pg_indexes
                    where tablename in ('case_state', 'figure_contribution', 'daily_figure', 'monthly_figure',
                        'yearly_figure', 'national_daily_figure', 'open_case_count') and schemaname = 'public'
                      and indexname not in (select conname from pg_constraint where contype = 'p')""")) {
                while (rs.next()) {
                    drops.add("drop index " + rs.getString(1));
                    rebuild.put(rs.getString(1), rs.getString(2));
                }
            }
            for (String drop : drops) {
                s.execute(drop);
            }
        }
        return rebuild;
    }
}

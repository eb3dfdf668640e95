package vn.inspectorate.bench.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes synthetic records into the reporting projections with COPY: for each case its row of {@code case_state} and
 * its {@code figure_contribution} rows, as the reporting service's case fold derives them from a case's events
 * (received, mass, accepted or not accepted, resolved and on time, overdue); for inspections and declarations their
 * contributions. {@code daily_figure} is then the sum of the contributions, as the projector keeps it, and the
 * roll-ups ({@link #ROLL_UPS}) the sums of the daily rows by month and year.
 *
 * <p>Record ids carry a fixed prefix ({@link #ID_PREFIX}), so generated rows never meet ids the services made.
 */
public final class ProjectionGenerator {

    /** The high 64 bits of every generated id: "be7c" marks them, the rest tells cases, inspections, declarations. */
    static final long ID_PREFIX = 0xbe7c000000000000L;
    static final long CASES = 1L << 40;
    static final long INSPECTIONS = 2L << 40;
    static final long DECLARATIONS = 3L << 40;

    /**
     * SQL that holds for generated record ids only. A plain range on the "be7c" prefix could also take a service's id
     * that starts so (one random id in 65,536 did): generated ids have version nibble 0, a service's 4 (random, as ids
     * were made before) or 7 (time-ordered).
     */
    static String generatedRecordIds(String column) {
        StringBuilder sql = new StringBuilder("(");
        for (long kind : new long[] {CASES, INSPECTIONS, DECLARATIONS}) {
            if (sql.length() > 1) {
                sql.append(" or ");
            }
            sql.append(column).append(" between '").append(new UUID(ID_PREFIX | kind, 0)).append("' and '")
                    .append(new UUID(ID_PREFIX | kind, -1L)).append("'");
        }
        return sql.append(")").toString();
    }

    static final String[] CASE_KINDS = {"COMPLAINT", "COMPLAINT", "COMPLAINT", "DENUNCIATION", "DENUNCIATION",
        "PETITION", "PETITION", "REFLECTION"};
    static final String[] SECTORS = {"LAND", "FINANCE", "CONSTRUCTION", "HEALTH", "EDUCATION", "TRANSPORT"};
    static final String[] DECLARATION_KINDS = {"ANNUAL", "ANNUAL", "ANNUAL", "FIRST", "ADDITIONAL"};
    static final String[] FLAG_RULES = {"ASSET_GROWTH", "UNEXPLAINED_INCOME", "LATE_SUBMISSION"};
    static final int BODIES_PER_PROVINCE = 5;

    /** What to generate: counts, the span of days ending {@code today}, and the provinces in force over it. */
    public record Plan(long cases, long inspections, long declarations, LocalDate today, int days,
            IntFunction<List<String>> provincesOn) {
    }

    public record Counts(long caseStates, long contributions) {
    }

    /** A table the service keeps beside the daily figures, and the statements that fill it from what the load wrote. */
    public record RollUp(String table, String what, List<String> statements) {
    }

    /**
     * The service's roll-ups, filled from the loaded projections the way its migration back-fills them (and its
     * projector keeps them, key by key): monthly and yearly sums of {@code daily_figure} (each row exactly where a
     * daily row of its month or year exists), the nation's totals by figure and day, and the open cases with a
     * deadline per unit and kind. Rebuilt whole, so
     * rows the service wrote before the load stay counted once. In order: the yearly rows are summed from the monthly.
     */
    public static final List<RollUp> ROLL_UPS = List.of(
            new RollUp("monthly_figure", "monthly_figure (roll-up of daily_figure)", List.of(
                    "truncate monthly_figure",
                    """
                    insert into monthly_figure (figure, month, province_code, body_code, sector, kind, value)
                    select figure, date_trunc('month', day)::date, province_code, body_code, sector, kind, sum(value)
                    from daily_figure group by 1, 2, 3, 4, 5, 6""")),
            new RollUp("yearly_figure", "yearly_figure (roll-up of monthly_figure)", List.of(
                    "truncate yearly_figure",
                    """
                    insert into yearly_figure (figure, year, province_code, body_code, sector, kind, value)
                    select figure, extract(year from month)::integer, province_code, body_code, sector, kind,
                           sum(value)
                    from monthly_figure group by 1, 2, 3, 4, 5, 6""")),
            new RollUp("national_daily_figure", "national_daily_figure (nation's totals by day)", List.of(
                    "truncate national_daily_figure",
                    """
                    insert into national_daily_figure (day, figure, value)
                    select day, figure, sum(value) from daily_figure group by 1, 2""")),
            new RollUp("open_case_count", "open_case_count (open cases with a deadline)", List.of(
                    "truncate open_case_count",
                    """
                    insert into open_case_count (province_code, body_code, kind, cases)
                    select province_code, body_code, kind, count(*) from case_state
                    where open and due_on is not null group by 1, 2, 3""")));

    /** Runs one roll-up's statements in one transaction; returns the rows it holds. */
    public static long fill(ConnectionFactory connections, RollUp rollUp) throws SQLException {
        try (Connection c = connections.open(); java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // memory for one big aggregation, for this session only (the server's default is small)
            s.execute("set local work_mem = '512MB'");
            for (String sql : rollUp.statements()) {
                s.execute(sql);
            }
            c.commit();
            try (java.sql.ResultSet rs = s.executeQuery("select count(*) from " + rollUp.table())) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first day inspections are of one kind (Law on Inspection 84/2025), as the reporting service counts them. */
    private static final LocalDate SINGLE_KIND_FROM = LocalDate.of(2025, 7, 1);

    private final Plan plan;
    private final String[] dayText;
    private final int singleKindFromDay;
    private final String[][] provincesByDay;
    private final String[][][] bodiesByDay;

    public ProjectionGenerator(Plan plan) {
        this.plan = plan;
        LocalDate first = plan.today().minusDays(plan.days());
        dayText = new String[plan.days() + 400];
        singleKindFromDay = (int) Math.max(0, ChronoUnit.DAYS.between(first, SINGLE_KIND_FROM));
        provincesByDay = new String[plan.days() + 1][];
        bodiesByDay = new String[plan.days() + 1][][];
        for (int d = 0; d < dayText.length; d++) {
            dayText[d] = first.plusDays(d).toString();
        }
        for (int d = 0; d <= plan.days(); d++) {
            List<String> provinces = plan.provincesOn().apply(d);
            provincesByDay[d] = provinces.toArray(String[]::new);
            bodiesByDay[d] = new String[provinces.size()][BODIES_PER_PROVINCE];
            for (int p = 0; p < provinces.size(); p++) {
                for (int b = 0; b < BODIES_PER_PROVINCE; b++) {
                    bodiesByDay[d][p][b] = provinces.get(p).substring(3) + "-BODY-" + (b + 1);
                }
            }
        }
    }

    /** Runs {@code parallelism} writers, each on its own share of the records and its own connections. */
    public Counts load(ConnectionFactory connections, int parallelism) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Counts>> parts = new ArrayList<>();
            for (int part = 0; part < parallelism; part++) {
                int share = part;
                parts.add(pool.submit(() -> loadPart(connections, share, parallelism)));
            }
            long states = 0;
            long contributions = 0;
            for (Future<Counts> f : parts) {
                states += f.get().caseStates();
                contributions += f.get().contributions();
            }
            return new Counts(states, contributions);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Opens a connection to the reporting database. */
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private Counts loadPart(ConnectionFactory connections, int part, int parts) throws Exception {
        try (Connection stateConnection = connections.open(); Connection contributionConnection = connections.open()) {
            OutputStream states = copy(stateConnection, "copy case_state (case_id, province_code, body_code, kind, "
                    + "due_on, open, overdue, on_watchlist) from stdin");
            OutputStream contributions = copy(contributionConnection, "copy figure_contribution (record_id, figure, "
                    + "province_code, body_code, sector, kind, day, value) from stdin");
            Writer w = new Writer(states, contributions, new SplittableRandom(42 + part));
            for (long i = part; i < plan.cases(); i += parts) {
                w.caseRecord(i);
            }
            for (long i = part; i < plan.inspections(); i += parts) {
                w.inspection(i);
            }
            for (long i = part; i < plan.declarations(); i += parts) {
                w.declaration(i);
            }
            states.close();
            contributions.close();
            return new Counts(w.stateRows, w.contributionRows);
        }
    }

    private static OutputStream copy(Connection c, String sql) throws SQLException {
        return new BufferedOutputStream(new PGCopyOutputStream(c.unwrap(PGConnection.class), sql, 1 << 16), 1 << 16);
    }

    /** Writes one part's rows; not shared between threads. */
    final class Writer {
        private final OutputStream states;
        private final OutputStream contributions;
        private final SplittableRandom random;
        private final StringBuilder line = new StringBuilder(160);
        long stateRows;
        long contributionRows;

        Writer(OutputStream states, OutputStream contributions, SplittableRandom random) {
            this.states = states;
            this.contributions = contributions;
            this.random = random;
        }

        void caseRecord(long i) throws IOException {
            String id = new UUID(ID_PREFIX | CASES, i).toString();
            int day = random.nextInt(plan.days());
            int p = random.nextInt(provincesByDay[day].length);
            String province = provincesByDay[day][p];
            String body = bodiesByDay[day][p][random.nextInt(BODIES_PER_PROVINCE)];
            String kind = CASE_KINDS[random.nextInt(CASE_KINDS.length)];
            contribution(id, "cases.received", province, body, "", kind, day, 1);
            if (random.nextInt(100) == 0) {
                contribution(id, "cases.mass", province, body, "", kind, day, 1);
            }
            int decision = random.nextInt(100);
            boolean accepted = decision < 75;
            boolean rejected = !accepted && decision < 95;
            boolean resolved = false;
            int dueDay;
            if (accepted) {
                contribution(id, "cases.accepted", province, body, "", kind, day + 10, 1);
                dueDay = day + 55;
                if (random.nextInt(100) < 85) {
                    resolved = true;
                    int resolvedDay = day + 25 + random.nextInt(50);
                    contribution(id, "cases.resolved", province, body, "", kind, resolvedDay, 1);
                    if (resolvedDay <= dueDay) {
                        contribution(id, "cases.resolved_on_time", province, body, "", kind, resolvedDay, 1);
                    }
                }
            } else {
                dueDay = day + 10;
                if (rejected) {
                    contribution(id, "cases.not_accepted", province, body, "", kind, day + 10, 1);
                }
            }
            boolean open = !resolved && !rejected;
            boolean overdue = open ? dueDay < plan.days() : random.nextInt(100) < 10;
            if (overdue) {
                contribution(id, "cases.overdue", province, body, "", kind, dueDay + 1, 1);
            }
            boolean watchlist = open && random.nextInt(1000) == 0;
            line.setLength(0);
            line.append(id).append('\t').append(province).append('\t').append(body).append('\t').append(kind)
                    .append('\t').append(dayText[dueDay]).append('\t').append(open ? 't' : 'f').append('\t')
                    .append(open && dueDay < plan.days() ? 't' : 'f').append('\t').append(watchlist ? 't' : 'f')
                    .append('\n');
            states.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            stateRows++;
        }

        void inspection(long i) throws IOException {
            String id = new UUID(ID_PREFIX | INSPECTIONS, i).toString();
            int day = random.nextInt(plan.days());
            int p = random.nextInt(provincesByDay[day].length);
            String province = provincesByDay[day][p];
            String body = bodiesByDay[day][p][random.nextInt(BODIES_PER_PROVINCE)];
            String sector = SECTORS[random.nextInt(SECTORS.length)];
            boolean administrative = random.nextInt(100) < 40;
            boolean singleKind = day >= singleKindFromDay;
            String type = singleKind ? "INSPECTION" : administrative ? "ADMINISTRATIVE" : "SPECIALIZED";
            String kindFigure = singleKind ? "inspections.inspection"
                    : administrative ? "inspections.administrative" : "inspections.specialized";
            contribution(id, "inspections.opened", province, body, sector, type, day, 1);
            contribution(id, kindFigure, province, body, sector, type, day, 1);
            contribution(id, random.nextInt(100) < 70 ? "inspections.planned" : "inspections.ad_hoc", province, body,
                    sector, type, day, 1);
            if (random.nextInt(100) < 80) {
                int on = day + 30 + random.nextInt(60);
                contribution(id, "inspections.conclusions", province, body, sector, type, on, 1);
                contribution(id, "inspections.units_covered", province, body, sector, type, on, 1 + random.nextInt(5));
                long violations = random.nextLong(1_000_000_000L);
                contribution(id, "inspections.violations_vnd", province, body, sector, type, on, violations);
                contribution(id, "inspections.recovery_recommended_vnd", province, body, sector, type, on,
                        violations / 2);
                contribution(id, "inspections.recovered_vnd", province, body, sector, type, on + 60, violations / 3);
                contribution(id, "inspections.responsible_individuals", province, body, sector, type, on,
                        random.nextInt(4));
            }
        }

        void declaration(long i) throws IOException {
            String id = new UUID(ID_PREFIX | DECLARATIONS, i).toString();
            int day = random.nextInt(plan.days());
            int p = random.nextInt(provincesByDay[day].length);
            String province = provincesByDay[day][p];
            String body = bodiesByDay[day][p][random.nextInt(BODIES_PER_PROVINCE)];
            String kind = DECLARATION_KINDS[random.nextInt(DECLARATION_KINDS.length)];
            contribution(id, "declarations.submitted", province, body, "", kind, day, 1);
            if (random.nextInt(100) < 5) {
                contribution(id, "declarations.late", province, body, "", kind, day, 1);
            }
            if (random.nextInt(100) < 10) {
                contribution(id, "declarations.selected", province, body, "", kind, day + 20, 1);
                contribution(id, "declarations.verified", province, body, "", kind, day + 80, 1);
            }
            if (random.nextInt(100) < 2) {
                contribution(id, "declarations.flagged", province, body, "", kind, day + 1, 1);
                contribution(id, "declarations.flagged_rule", province, body, "",
                        FLAG_RULES[random.nextInt(FLAG_RULES.length)], day + 1, 1);
            }
        }

        private void contribution(String id, String figure, String province, String body, String sector,
                String kind, int day, long value) throws IOException {
            if (day > plan.days() || value == 0) {
                return; // not yet happened, or nothing to add: the fold keeps neither
            }
            line.setLength(0);
            line.append(id).append('\t').append(figure).append('\t').append(province).append('\t').append(body)
                    .append('\t').append(sector).append('\t').append(kind).append('\t').append(dayText[day])
                    .append('\t').append(value).append('\n');
            contributions.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            contributionRows++;
        }
    }
}

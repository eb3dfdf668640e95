package vn.inspectorate.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.inspectorate.reporting.db.Jdbc;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.units.AdministrativeUnits;
import vn.inspectorate.reporting.units.UnitMode;

/**
 * Reads period figures from the pre-aggregated tables (whole years and months from the roll-ups, ragged days from
 * {@code daily_figure}: see {@link PeriodCover}; sums of the whole nation without a filter from the national daily
 * totals) and the figures as of now from the open-case counts and the case state.
 */
@ApplicationScoped
public class FigureQueries {

    /** The dimensions a figure can be broken down by. */
    public enum Dimension {
        PROVINCE("province_code"), BODY("body_code"), SECTOR("sector"), KIND("kind");

        final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /** Below every id in PostgreSQL's (unsigned) uuid order. */
    private static final UUID FIRST = new UUID(0, 0);

    private final Jdbc jdbc;
    private final AdministrativeUnits units;

    FigureQueries(Jdbc jdbc, AdministrativeUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** Every period figure summed over the period (0 where nothing was recorded). */
    public Map<Figure, Long> sums(Period period, ReportFilter filter) {
        return sums(List.of(period), filter).get(0);
    }

    /** Every period figure summed over each of {@code periods}, in one statement. */
    public List<Map<Figure, Long>> sums(List<Period> periods, ReportFilter filter) {
        List<Object> params = new ArrayList<>();
        String sql = sumsByPart(periods, filter, params);
        List<Map<Figure, Long>> sums = zeros(periods.size());
        jdbc.query(sql, params, rs -> {
            int part = rs.getInt(1);
            long value = rs.getLong(3);
            Figure.byCode(rs.getString(2)).ifPresent(f -> sums.get(part).put(f, value));
            return null;
        });
        return sums;
    }

    /** What a summary shows: every figure of the period and of the previous one, and the figures as of now. */
    public record SummaryFigures(Map<Figure, Long> current, Map<Figure, Long> previous, Map<Figure, Long> now) {
    }

    /**
     * A summary's figures in one statement (one round trip: on a busy machine each one waits for the scheduler).
     * The same sums as {@link #sums(Period, ReportFilter)} for both periods and as {@link #now} for the current state.
     */
    public SummaryFigures summary(Period current, Period previous, ReportFilter filter, LocalDate today) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(sumsByPart(List.of(current, previous), filter, params));
        Map<Figure, Long> now = new EnumMap<>(Figure.class);
        now.put(Figure.CASES_OVERDUE_NOW, 0L);
        now.put(Figure.CASES_ON_WATCHLIST_NOW, 0L);
        if (filter.sector() == null) {
            // cases carry no sector: with a sector filter both stay 0
            String[] nowQueries = nowQueries(filter, today, params);
            sql.append(" union all select 2, '").append(Figure.CASES_OVERDUE_NOW.code()).append("', ").append(nowQueries[0])
                    .append(" union all select 2, '").append(Figure.CASES_ON_WATCHLIST_NOW.code()).append("', ")
                    .append(nowQueries[1]);
        }
        List<Map<Figure, Long>> sums = zeros(2);
        jdbc.query(sql.toString(), params, rs -> {
            int part = rs.getInt(1);
            long value = rs.getLong(3);
            Figure.byCode(rs.getString(2)).ifPresent(f -> (part == 2 ? now : sums.get(part)).put(f, value));
            return null;
        });
        return new SummaryFigures(sums.get(0), sums.get(1), now);
    }

    private static List<Map<Figure, Long>> zeros(int count) {
        List<Map<Figure, Long>> maps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<Figure, Long> sums = new EnumMap<>(Figure.class);
            for (Figure f : Figure.values()) {
                if (!f.isNow()) {
                    sums.put(f, 0L);
                }
            }
            maps.add(sums);
        }
        return maps;
    }

    /** {@code select part, figure, sum} over each period's rows (part = the period's index). */
    private static String sumsByPart(List<Period> periods, ReportFilter filter, List<Object> params) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            rows.append(i == 0 ? "" : " union all ")
                    .append(periodRows(periods.get(i), i + " as part, figure", "", List.of(), filter, params));
        }
        return "select part, figure, sum(value) from (" + rows + ") r group by part, figure";
    }

    /** One figure summed over each of {@code periods}, in one statement (a series and its previous year). */
    public long[] sums(Figure figure, List<Period> periods, ReportFilter filter) {
        long[] sums = new long[periods.size()];
        List<Object> params = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            rows.append(i == 0 ? "" : " union all ").append(periodRows(periods.get(i), i + " as part",
                    " and figure = ?", List.of(figure.code()), filter, params));
        }
        if (periods.isEmpty()) {
            return sums;
        }
        jdbc.query("select part, sum(value) from (" + rows + ") r group by part", params, rs -> {
            sums[rs.getInt(1)] = rs.getLong(2);
            return null;
        });
        return sums;
    }

    /**
     * The figures of the current state of cases, as of {@code today}. Overdue now = the open cases with a deadline
     * (kept counted per unit and kind) less those whose deadline is today or later: the same as counting open cases
     * past their deadline, without reading every case.
     */
    public Map<Figure, Long> now(ReportFilter filter, LocalDate today) {
        Map<Figure, Long> now = new EnumMap<>(Figure.class);
        if (filter.sector() != null) {
            // cases carry no sector
            now.put(Figure.CASES_OVERDUE_NOW, 0L);
            now.put(Figure.CASES_ON_WATCHLIST_NOW, 0L);
            return now;
        }
        List<Object> params = new ArrayList<>();
        String[] queries = nowQueries(filter, today, params);
        jdbc.query("select " + queries[0] + ", " + queries[1], params, rs -> {
            now.put(Figure.CASES_OVERDUE_NOW, rs.getLong(1));
            now.put(Figure.CASES_ON_WATCHLIST_NOW, rs.getLong(2));
            return null;
        });
        return now;
    }

    /** The scalar subqueries of overdue now and on the watchlist now, their parameters added in that order. */
    private static String[] nowQueries(ReportFilter filter, LocalDate today, List<Object> params) {
        String withDeadline = "select coalesce(sum(cases), 0) from open_case_count where true"
                + caseStateWhere(filter, params);
        params.add(today);
        String notYetDue = "select count(*) from case_state where open and due_on >= ?"
                + caseStateWhere(filter, params);
        String watched = "select count(*) from case_state where on_watchlist" + caseStateWhere(filter, params);
        return new String[] {"(" + withDeadline + ") - (" + notYetDue + ")", "(" + watched + ")"};
    }

    /** One figure over the period by a dimension; province codes are rolled up when the filter says so. */
    public Map<String, Long> breakdown(Figure figure, Period period, ReportFilter filter, Dimension by,
            LocalDate today) {
        return breakdown(figure, List.of(period), filter, by, today).get(0);
    }

    /** {@link #breakdown(Figure, Period, ReportFilter, Dimension, LocalDate)} of each period, in one statement. */
    public List<Map<String, Long>> breakdown(Figure figure, List<Period> periods, ReportFilter filter, Dimension by,
            LocalDate today) {
        List<Object> params = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        List<Map<String, Long>> tables = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            rows.append(i == 0 ? "" : " union all ").append(covered(PeriodCover.of(periods.get(i).start(),
                    periods.get(i).end()), i + " as part, " + by.column + " as dim", " and figure = ?",
                    List.of(figure.code()), filter, params));
            tables.add(new TreeMap<>());
        }
        Map<String, String> rollUp = filter.units() == UnitMode.CURRENT && by == Dimension.PROVINCE
                ? units.rollUp(today) : Map.of();
        jdbc.query("select part, dim, sum(value) from (" + rows + ") r group by part, dim", params, rs -> {
            String key = rs.getString(2);
            tables.get(rs.getInt(1)).merge(rollUp.getOrDefault(key, key), rs.getLong(3), Long::sum);
            return null;
        });
        return tables;
    }

    /** Several figures over the period by province (rolled up when the filter says so): province to figure to sum. */
    public Map<String, Map<Figure, Long>> byProvince(List<Figure> figures, Period period, ReportFilter filter,
            LocalDate today) {
        List<Object> params = new ArrayList<>();
        String covered = covered(PeriodCover.of(period.start(), period.end()), "province_code, figure",
                " and figure = any(?)", java.util.Collections.singletonList(figures.stream().map(Figure::code)
                        .toArray(String[]::new)), filter, params);
        Map<String, String> rollUp = filter.units() == UnitMode.CURRENT ? units.rollUp(today) : Map.of();
        Map<String, Map<Figure, Long>> table = new TreeMap<>();
        jdbc.query("select province_code, figure, sum(value) from (" + covered + ") r group by 1, 2", params, rs -> {
            String province = rs.getString(1);
            String code = rs.getString(2);
            long value = rs.getLong(3);
            Figure.byCode(code).ifPresent(f -> table.computeIfAbsent(rollUp.getOrDefault(province, province),
                    k -> new EnumMap<>(Figure.class)).merge(f, value, Long::sum));
            return null;
        });
        return table;
    }

    /** The ids of the records behind a figure, in id order, after {@code after}. */
    public List<UUID> records(Figure figure, Period period, ReportFilter filter, LocalDate today, UUID after,
            int limit) {
        List<Object> params = new ArrayList<>();
        String sql;
        if (figure.isNow()) {
            params.add(after == null ? FIRST : after);
            String condition = figure == Figure.CASES_OVERDUE_NOW ? "open and due_on < ?" : "on_watchlist";
            if (figure == Figure.CASES_OVERDUE_NOW) {
                params.add(today);
            }
            String where = caseStateWhere(filter, params);
            if (filter.sector() != null) {
                return List.of();
            }
            sql = "select case_id from case_state where case_id > ? and " + condition + where
                    + " order by case_id limit ?";
        } else {
            params.addAll(List.of(figure.code(), period.start(), period.end()));
            String where = where(filter, params);
            params.add(after == null ? FIRST : after);
            sql = "select distinct record_id from figure_contribution where figure = ? and day between ? and ?" + where
                    + " and record_id > ? order by record_id limit ?";
        }
        params.add(limit);
        return jdbc.query(sql, params, rs -> rs.getObject(1, UUID.class));
    }

    /** The whole nation without a body, sector or kind: the national daily totals answer it. */
    private static boolean unfiltered(ReportFilter f) {
        return f.provinceCodes() == null && f.body() == null && f.sector() == null && f.kind() == null;
    }

    /** {@code select <columns>, value} over a period's rows: the national totals when they answer, else a cover. */
    private static String periodRows(Period period, String columns, String condition, List<?> conditionParams,
            ReportFilter filter, List<Object> params) {
        return unfiltered(filter)
                ? nationalRows(period, columns, condition, conditionParams, params)
                : covered(PeriodCover.of(period.start(), period.end()), columns, condition, conditionParams, filter,
                        params);
    }

    /** {@code select <columns>, value} from the national daily totals of the period's days. */
    private static String nationalRows(Period period, String columns, String condition, List<?> conditionParams,
            List<Object> params) {
        params.add(period.start());
        params.add(period.end());
        params.addAll(conditionParams);
        return "select " + columns + ", value from national_daily_figure where day between ? and ?" + condition;
    }

    /**
     * The rows of a cover as one {@code union all}: {@code select <columns>, value} from each piece's table, its period
     * column in the piece's range, then {@code condition} (with {@code conditionParams}) and the scope filter.
     * Empty when the cover is.
     */
    private static String covered(PeriodCover cover, String columns, String condition, List<?> conditionParams,
            ReportFilter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        for (PeriodCover.Piece piece : cover.pieces()) {
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            PeriodCover.Grain g = piece.grain();
            sql.append("select ").append(columns).append(", value from ").append(g.table).append(" where ")
                    .append(g.column).append(" between ? and ?").append(condition);
            params.add(g.key(piece.first()));
            params.add(g.key(piece.last()));
            params.addAll(conditionParams);
            sql.append(where(filter, params));
        }
        return sql.toString();
    }

    private static String where(ReportFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (f.provinceCodes() != null) {
            sql.append(" and province_code = any(?)");
            params.add(f.provinceCodes().toArray(String[]::new));
        }
        dimension(sql, params, "body_code", f.body());
        dimension(sql, params, "sector", f.sector());
        dimension(sql, params, "kind", f.kind());
        return sql.toString();
    }

    private static String caseStateWhere(ReportFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (f.provinceCodes() != null) {
            sql.append(" and province_code = any(?)");
            params.add(f.provinceCodes().toArray(String[]::new));
        }
        dimension(sql, params, "body_code", f.body());
        dimension(sql, params, "kind", f.kind());
        return sql.toString();
    }

    private static void dimension(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }
}

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

/** Reads figures from the pre-aggregated daily table (period figures) and the case state (figures as of now). */
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
        List<Object> params = new ArrayList<>(List.of(period.start(), period.end()));
        String where = where(filter, params);
        Map<Figure, Long> sums = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            if (!f.isNow()) {
                sums.put(f, 0L);
            }
        }
        jdbc.query("select figure, sum(value) from daily_figure where day between ? and ?" + where
                + " group by figure", params, rs -> {
            long value = rs.getLong(2);
            Figure.byCode(rs.getString(1)).ifPresent(f -> sums.put(f, value));
            return null;
        });
        return sums;
    }

    /** The figures of the current state of cases, as of {@code today}. */
    public Map<Figure, Long> now(ReportFilter filter, LocalDate today) {
        Map<Figure, Long> now = new EnumMap<>(Figure.class);
        if (filter.sector() != null) {
            // cases carry no sector
            now.put(Figure.CASES_OVERDUE_NOW, 0L);
            now.put(Figure.CASES_ON_WATCHLIST_NOW, 0L);
            return now;
        }
        List<Object> params = new ArrayList<>(List.of(today));
        String where = caseStateWhere(filter, params);
        jdbc.query("select count(*) filter (where open and due_on < ?), count(*) filter (where on_watchlist)"
                + " from case_state where true" + where, params, rs -> {
            now.put(Figure.CASES_OVERDUE_NOW, rs.getLong(1));
            now.put(Figure.CASES_ON_WATCHLIST_NOW, rs.getLong(2));
            return null;
        });
        return now;
    }

    /** One figure over the period by a dimension; province codes are rolled up when the filter says so. */
    public Map<String, Long> breakdown(Figure figure, Period period, ReportFilter filter, Dimension by,
            LocalDate today) {
        List<Object> params = new ArrayList<>(List.of(figure.code(), period.start(), period.end()));
        String where = where(filter, params);
        Map<String, Long> rows = new TreeMap<>();
        Map<String, String> rollUp = filter.units() == UnitMode.CURRENT && by == Dimension.PROVINCE
                ? units.rollUp(today) : Map.of();
        jdbc.query("select " + by.column + ", sum(value) from daily_figure where figure = ? and day between ? and ?"
                + where + " group by 1", params, rs -> {
            String key = rs.getString(1);
            rows.merge(rollUp.getOrDefault(key, key), rs.getLong(2), Long::sum);
            return null;
        });
        return rows;
    }

    /** Several figures over the period by province (rolled up when the filter says so): province to figure to sum. */
    public Map<String, Map<Figure, Long>> byProvince(List<Figure> figures, Period period, ReportFilter filter,
            LocalDate today) {
        List<Object> params = new ArrayList<>(List.of(figures.stream().map(Figure::code).toArray(String[]::new),
                period.start(), period.end()));
        String where = where(filter, params);
        Map<String, String> rollUp = filter.units() == UnitMode.CURRENT ? units.rollUp(today) : Map.of();
        Map<String, Map<Figure, Long>> table = new TreeMap<>();
        jdbc.query("select province_code, figure, sum(value) from daily_figure where figure = any(?)"
                + " and day between ? and ?" + where + " group by 1, 2", params, rs -> {
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

package vn.inspectorate.reporting.figures;

import java.util.List;
import vn.inspectorate.reporting.periods.Period;

/**
 * The fragments the figure queries are assembled from. The SQL text is made only of this class's constants, the
 * tables and columns of {@link PeriodCover.Grain} and the columns of {@link FigureQueries.Dimension}; every value (a
 * day, a figure code, a unit, the index of a period in the answer) is a bound parameter, added to the statement's
 * parameters in the order of its placeholder.
 */
final class FigureSql {

    /** A piece of SQL text and the values of its placeholders, in order. */
    record Fragment(String sql, List<?> params) {

        static Fragment of(String sql, Object... params) {
            return new Fragment(sql, List.of(params));
        }
    }

    static final String UNION_ALL = " union all ";
    static final Fragment NO_CONDITION = Fragment.of("");
    static final String FIGURE_IS = " and figure = ?";

    private static final String PROVINCE_IN = " and province_code = any(?)";
    private static final String BODY_IS = " and body_code = ?";
    private static final String SECTOR_IS = " and sector = ?";
    private static final String KIND_IS = " and kind = ?";

    private FigureSql() {
    }

    /** {@code select <columns>, value} over a period's rows: the national totals when they answer, else a cover. */
    static String periodRows(Period period, Fragment columns, Fragment condition, ReportFilter filter,
            List<Object> params) {
        return unfiltered(filter)
                ? nationalRows(period, columns, condition, params)
                : covered(PeriodCover.of(period.start(), period.end()), columns, condition, filter, params);
    }

    /**
     * The rows of a cover as one {@code union all}: {@code select <columns>, value} from each piece's table, its period
     * column in the piece's range, then {@code condition} and the scope filter. Empty when the cover is.
     */
    static String covered(PeriodCover cover, Fragment columns, Fragment condition, ReportFilter filter,
            List<Object> params) {
        StringBuilder sql = new StringBuilder();
        for (PeriodCover.Piece piece : cover.pieces()) {
            if (!sql.isEmpty()) {
                sql.append(UNION_ALL);
            }
            PeriodCover.Grain g = piece.grain();
            sql.append("select ").append(columns.sql()).append(", value from ").append(g.table).append(" where ")
                    .append(g.column).append(" between ? and ?").append(condition.sql());
            params.addAll(columns.params());
            params.add(g.key(piece.first()));
            params.add(g.key(piece.last()));
            params.addAll(condition.params());
            sql.append(where(filter, params));
        }
        return sql.toString();
    }

    /** The scope filter of the figure tables. */
    static String where(ReportFilter f, List<Object> params) {
        return scope(f, params, true);
    }

    /** The scope filter of the case state, which has no sector. */
    static String caseStateWhere(ReportFilter f, List<Object> params) {
        return scope(f, params, false);
    }

    /** The whole nation without a body, sector or kind: the national daily totals answer it. */
    private static boolean unfiltered(ReportFilter f) {
        return f.provinceCodes() == null && f.body() == null && f.sector() == null && f.kind() == null;
    }

    /** {@code select <columns>, value} from the national daily totals of the period's days. */
    private static String nationalRows(Period period, Fragment columns, Fragment condition, List<Object> params) {
        params.addAll(columns.params());
        params.add(period.start());
        params.add(period.end());
        params.addAll(condition.params());
        return "select " + columns.sql() + ", value from national_daily_figure where day between ? and ?"
                + condition.sql();
    }

    private static String scope(ReportFilter f, List<Object> params, boolean withSector) {
        StringBuilder sql = new StringBuilder();
        if (f.provinceCodes() != null) {
            sql.append(PROVINCE_IN);
            params.add(f.provinceCodes().toArray(String[]::new));
        }
        dimension(sql, params, BODY_IS, f.body());
        if (withSector) {
            dimension(sql, params, SECTOR_IS, f.sector());
        }
        dimension(sql, params, KIND_IS, f.kind());
        return sql.toString();
    }

    private static void dimension(StringBuilder sql, List<Object> params, String condition, String value) {
        if (value != null) {
            sql.append(condition);
            params.add(value);
        }
    }
}

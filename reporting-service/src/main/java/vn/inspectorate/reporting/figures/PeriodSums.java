package vn.inspectorate.reporting.figures;

import static vn.inspectorate.reporting.figures.FigureSql.FIGURE_IS;
import static vn.inspectorate.reporting.figures.FigureSql.UNION_ALL;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reporting.figures.FigureQueries.SummaryFigures;
import vn.inspectorate.reporting.figures.FigureSql.Fragment;
import vn.inspectorate.reporting.periods.Period;

/**
 * The period figures summed over periods, from the pre-aggregated tables (whole years and months from the roll-ups,
 * ragged days from {@code daily_figure}: see {@link PeriodCover}; sums of the whole nation without a filter from the
 * national daily totals). Each period's rows carry its index in the answer ({@code part}).
 */
@ApplicationScoped
class PeriodSums {

    private static final String PART_AND_FIGURE = "? as part, figure";
    private static final String PART = "? as part";
    /** The figures as of now in a summary come as a third part. */
    private static final int NOW_PART = 2;
    private static final String NOW_ROW = UNION_ALL + "select ?, ?, ";

    private final Sql sql;
    private final NowFigures now;

    PeriodSums(Sql sql, NowFigures now) {
        this.sql = sql;
        this.now = now;
    }

    /** Every period figure summed over each of {@code periods}, in one statement (0 where nothing was recorded). */
    List<Map<Figure, Long>> sums(List<Period> periods, ReportFilter filter) {
        List<Object> params = new ArrayList<>();
        String statement = sumsByPart(periods, filter, params);
        List<Map<Figure, Long>> sums = zeros(periods.size());
        sql.query(statement, params, rs -> {
            int part = rs.getInt(1);
            long value = rs.getLong(3);
            Figure.byCode(rs.getString(2)).ifPresent(f -> sums.get(part).put(f, value));
            return null;
        });
        return sums;
    }

    /**
     * A summary's figures in one statement (one round trip: on a busy machine each one waits for the scheduler).
     * The same sums as {@link #sums(List, ReportFilter)} for both periods and as {@link NowFigures#now} for the
     * current state.
     */
    SummaryFigures summary(Period current, Period previous, ReportFilter filter, LocalDate today) {
        List<Object> params = new ArrayList<>();
        StringBuilder statement = new StringBuilder(sumsByPart(List.of(current, previous), filter, params));
        Map<Figure, Long> nowFigures = new EnumMap<>(Figure.class);
        nowFigures.put(Figure.CASES_OVERDUE_NOW, 0L);
        nowFigures.put(Figure.CASES_ON_WATCHLIST_NOW, 0L);
        if (filter.sector() == null) {
            // cases carry no sector: with a sector filter both stay 0
            nowRow(statement, params, Figure.CASES_OVERDUE_NOW, now.overdue(filter, today));
            nowRow(statement, params, Figure.CASES_ON_WATCHLIST_NOW, now.onWatchlist(filter));
        }
        List<Map<Figure, Long>> sums = zeros(2);
        sql.query(statement.toString(), params, rs -> {
            int part = rs.getInt(1);
            long value = rs.getLong(3);
            Figure.byCode(rs.getString(2)).ifPresent(f -> (part == NOW_PART ? nowFigures : sums.get(part))
                    .put(f, value));
            return null;
        });
        return new SummaryFigures(sums.get(0), sums.get(1), nowFigures);
    }

    /** One figure summed over each of {@code periods}, in one statement (a series and its previous year). */
    long[] sums(Figure figure, List<Period> periods, ReportFilter filter) {
        long[] sums = new long[periods.size()];
        if (periods.isEmpty()) {
            return sums;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            rows.append(i == 0 ? "" : UNION_ALL).append(FigureSql.periodRows(periods.get(i), Fragment.of(PART, i),
                    Fragment.of(FIGURE_IS, figure.code()), filter, params));
        }
        sql.query("select part, sum(value) from (" + rows + ") r group by part", params, rs -> {
            sums[rs.getInt(1)] = rs.getLong(2);
            return null;
        });
        return sums;
    }

    private static void nowRow(StringBuilder statement, List<Object> params, Figure figure, Fragment value) {
        statement.append(NOW_ROW).append(value.sql());
        params.add(NOW_PART);
        params.add(figure.code());
        params.addAll(value.params());
    }

    /** {@code select part, figure, sum} over each period's rows (part = the period's index). */
    private static String sumsByPart(List<Period> periods, ReportFilter filter, List<Object> params) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            rows.append(i == 0 ? "" : UNION_ALL).append(FigureSql.periodRows(periods.get(i),
                    Fragment.of(PART_AND_FIGURE, i), FigureSql.NO_CONDITION, filter, params));
        }
        return "select part, figure, sum(value) from (" + rows + ") r group by part, figure";
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
}

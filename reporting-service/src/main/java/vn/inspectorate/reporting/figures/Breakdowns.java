package vn.inspectorate.reporting.figures;

import static vn.inspectorate.reporting.figures.FigureSql.FIGURE_IS;
import static vn.inspectorate.reporting.figures.FigureSql.UNION_ALL;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reporting.figures.FigureQueries.Dimension;
import vn.inspectorate.reporting.figures.FigureSql.Fragment;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.units.AdministrativeUnits;
import vn.inspectorate.reporting.units.UnitMode;

/**
 * Figures over a period broken down by a dimension, from the period's cover (see {@link PeriodCover}); province codes
 * are rolled up to the units in force when the filter says so.
 */
@ApplicationScoped
class Breakdowns {

    private static final String PART_AND = "? as part, ";
    private static final String AS_DIM = " as dim";
    private static final String PROVINCE_AND_FIGURE = "province_code, figure";
    private static final String FIGURE_IN = " and figure = any(?)";

    private final Sql sql;
    private final AdministrativeUnits units;

    Breakdowns(Sql sql, AdministrativeUnits units) {
        this.sql = sql;
        this.units = units;
    }

    /** One figure over each of {@code periods} by a dimension, in one statement. */
    List<Map<String, Long>> breakdown(Figure figure, List<Period> periods, ReportFilter filter, Dimension by,
            LocalDate today) {
        List<Object> params = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        List<Map<String, Long>> tables = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            rows.append(i == 0 ? "" : UNION_ALL).append(FigureSql.covered(PeriodCover.of(periods.get(i).start(),
                    periods.get(i).end()), Fragment.of(PART_AND + by.column + AS_DIM, i),
                    Fragment.of(FIGURE_IS, figure.code()), filter, params));
            tables.add(new TreeMap<>());
        }
        Map<String, String> rollUp = filter.units() == UnitMode.CURRENT && by == Dimension.PROVINCE
                ? units.rollUp(today) : Map.of();
        sql.query("select part, dim, sum(value) from (" + rows + ") r group by part, dim", params, rs -> {
            String key = rs.getString(2);
            tables.get(rs.getInt(1)).merge(rollUp.getOrDefault(key, key), rs.getLong(3), Long::sum);
            return null;
        });
        return tables;
    }

    /** Several figures over the period by province: province to figure to sum. */
    Map<String, Map<Figure, Long>> byProvince(List<Figure> figures, Period period, ReportFilter filter,
            LocalDate today) {
        List<Object> params = new ArrayList<>();
        Object codes = figures.stream().map(Figure::code).toArray(String[]::new);
        String covered = FigureSql.covered(PeriodCover.of(period.start(), period.end()),
                Fragment.of(PROVINCE_AND_FIGURE), Fragment.of(FIGURE_IN, codes), filter, params);
        Map<String, String> rollUp = filter.units() == UnitMode.CURRENT ? units.rollUp(today) : Map.of();
        Map<String, Map<Figure, Long>> table = new TreeMap<>();
        sql.query("select province_code, figure, sum(value) from (" + covered + ") r group by 1, 2", params, rs -> {
            String province = rs.getString(1);
            String code = rs.getString(2);
            long value = rs.getLong(3);
            Figure.byCode(code).ifPresent(f -> table.computeIfAbsent(rollUp.getOrDefault(province, province),
                    k -> new EnumMap<>(Figure.class)).merge(f, value, Long::sum));
            return null;
        });
        return table;
    }
}

package vn.inspectorate.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reporting.figures.FigureSql.Fragment;

/**
 * The figures of the current state of cases, as of a day. Overdue now = the open cases with a deadline (kept counted
 * per unit and kind) less those whose deadline is that day or later: the same as counting open cases past their
 * deadline, without reading every case. Cases carry no sector: with a sector filter both figures are 0.
 */
@ApplicationScoped
class NowFigures {

    private static final String WITH_DEADLINE = "select coalesce(sum(cases), 0) from open_case_count where true";
    private static final String NOT_YET_DUE = "select count(*) from case_state where open and due_on >= ?";
    private static final String WATCHED = "select count(*) from case_state where on_watchlist";

    private final Sql sql;

    NowFigures(Sql sql) {
        this.sql = sql;
    }

    Map<Figure, Long> now(ReportFilter filter, LocalDate today) {
        Map<Figure, Long> now = new EnumMap<>(Figure.class);
        if (filter.sector() != null) {
            now.put(Figure.CASES_OVERDUE_NOW, 0L);
            now.put(Figure.CASES_ON_WATCHLIST_NOW, 0L);
            return now;
        }
        Fragment overdue = overdue(filter, today);
        Fragment watched = onWatchlist(filter);
        List<Object> params = new ArrayList<>(overdue.params());
        params.addAll(watched.params());
        sql.query("select " + overdue.sql() + ", " + watched.sql(), params, rs -> {
            now.put(Figure.CASES_OVERDUE_NOW, rs.getLong(1));
            now.put(Figure.CASES_ON_WATCHLIST_NOW, rs.getLong(2));
            return null;
        });
        return now;
    }

    /** The scalar expression of overdue now, with its parameters. */
    Fragment overdue(ReportFilter filter, LocalDate today) {
        List<Object> params = new ArrayList<>();
        String withDeadline = WITH_DEADLINE + FigureSql.caseStateWhere(filter, params);
        params.add(today);
        String notYetDue = NOT_YET_DUE + FigureSql.caseStateWhere(filter, params);
        return new Fragment("(" + withDeadline + ") - (" + notYetDue + ")", params);
    }

    /** The scalar expression of on the watchlist now, with its parameters. */
    Fragment onWatchlist(ReportFilter filter) {
        List<Object> params = new ArrayList<>();
        return new Fragment("(" + WATCHED + FigureSql.caseStateWhere(filter, params) + ")", params);
    }
}

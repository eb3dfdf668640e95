package vn.inspectorate.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reporting.periods.Period;

/** The records behind a figure: the contributions of a period figure, the case state of a figure as of now. */
@ApplicationScoped
class FigureRecords {

    /** Below every id in PostgreSQL's (unsigned) uuid order. */
    private static final UUID FIRST = new UUID(0, 0);

    private static final String CASES = "select case_id from case_state where case_id > ? and ";
    private static final String OVERDUE = "open and due_on < ?";
    private static final String ON_WATCHLIST = "on_watchlist";
    private static final String CASES_PAGE = " order by case_id limit ?";
    private static final String CONTRIBUTIONS = "select distinct record_id from figure_contribution where figure = ?"
            + " and day between ? and ?";
    private static final String CONTRIBUTIONS_PAGE = " and record_id > ? order by record_id limit ?";

    private final Sql sql;

    FigureRecords(Sql sql) {
        this.sql = sql;
    }

    /** The filings of each matter (a record of {@code cases.matters_received}), oldest first, in the order asked. */
    List<ReportViews.MatterView> matters(List<UUID> matterIds) {
        if (matterIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ReportViews.FilingView>> byMatter = new HashMap<>();
        sql.query("""
                select matter_id, case_id, province_code, body_code, received_on from matter_filing
                where matter_id = any(?) order by received_on nulls last, case_id""",
                List.of(new Sql.ArrayOf("uuid", matterIds)), rs -> byMatter.computeIfAbsent(
                        rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ReportViews.FilingView(
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class))));
        return matterIds.stream().map(id -> new ReportViews.MatterView(id, byMatter.getOrDefault(id, List.of())))
                .toList();
    }

    /** The ids of the records behind a figure, in id order, after {@code after}. */
    List<UUID> records(Figure figure, Period period, ReportFilter filter, LocalDate today, UUID after, int limit) {
        List<Object> params = new ArrayList<>();
        String statement;
        if (figure.isNow()) {
            params.add(after == null ? FIRST : after);
            boolean overdue = figure == Figure.CASES_OVERDUE_NOW;
            if (overdue) {
                params.add(today);
            }
            String where = FigureSql.caseStateWhere(filter, params);
            if (filter.sector() != null) {
                // cases carry no sector
                return List.of();
            }
            statement = CASES + (overdue ? OVERDUE : ON_WATCHLIST) + where + CASES_PAGE;
        } else {
            params.addAll(List.of(figure.code(), period.start(), period.end()));
            String where = FigureSql.where(filter, params);
            params.add(after == null ? FIRST : after);
            statement = CONTRIBUTIONS + where + CONTRIBUTIONS_PAGE;
        }
        params.add(limit);
        return sql.query(statement, params, rs -> rs.getObject(1, UUID.class));
    }
}

package vn.inspectorate.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.reporting.periods.Period;

/**
 * The figures as the reports read them, each from the query of its family: period sums ({@link PeriodSums}), the
 * figures as of now ({@link NowFigures}), breakdowns by a dimension ({@link Breakdowns}) and the records behind a
 * figure ({@link FigureRecords}). Their SQL is assembled from constant fragments ({@link FigureSql}).
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

    /** What a summary shows: every figure of the period and of the previous one, and the figures as of now. */
    public record SummaryFigures(Map<Figure, Long> current, Map<Figure, Long> previous, Map<Figure, Long> now) {
    }

    private final PeriodSums sums;
    private final NowFigures now;
    private final Breakdowns breakdowns;
    private final FigureRecords records;

    FigureQueries(PeriodSums sums, NowFigures now, Breakdowns breakdowns, FigureRecords records) {
        this.sums = sums;
        this.now = now;
        this.breakdowns = breakdowns;
        this.records = records;
    }

    /** Every period figure summed over the period (0 where nothing was recorded). */
    public Map<Figure, Long> sums(Period period, ReportFilter filter) {
        return sums(List.of(period), filter).get(0);
    }

    /** Every period figure summed over each of {@code periods}, in one statement. */
    public List<Map<Figure, Long>> sums(List<Period> periods, ReportFilter filter) {
        return sums.sums(periods, filter);
    }

    /** A summary's figures in one statement: both periods' sums and the figures as of now. */
    public SummaryFigures summary(Period current, Period previous, ReportFilter filter, LocalDate today) {
        return sums.summary(current, previous, filter, today);
    }

    /** One figure summed over each of {@code periods}, in one statement (a series and its previous year). */
    public long[] sums(Figure figure, List<Period> periods, ReportFilter filter) {
        return sums.sums(figure, periods, filter);
    }

    /** The figures of the current state of cases, as of {@code today}. */
    public Map<Figure, Long> now(ReportFilter filter, LocalDate today) {
        return now.now(filter, today);
    }

    /** One figure over the period by a dimension; province codes are rolled up when the filter says so. */
    public Map<String, Long> breakdown(Figure figure, Period period, ReportFilter filter, Dimension by,
            LocalDate today) {
        return breakdown(figure, List.of(period), filter, by, today).get(0);
    }

    /** {@link #breakdown(Figure, Period, ReportFilter, Dimension, LocalDate)} of each period, in one statement. */
    public List<Map<String, Long>> breakdown(Figure figure, List<Period> periods, ReportFilter filter, Dimension by,
            LocalDate today) {
        return breakdowns.breakdown(figure, periods, filter, by, today);
    }

    /** Several figures over the period by province (rolled up when the filter says so): province to figure to sum. */
    public Map<String, Map<Figure, Long>> byProvince(List<Figure> figures, Period period, ReportFilter filter,
            LocalDate today) {
        return breakdowns.byProvince(figures, period, filter, today);
    }

    /** The ids of the records behind a figure, in id order, after {@code after}. */
    public List<UUID> records(Figure figure, Period period, ReportFilter filter, LocalDate today, UUID after,
            int limit) {
        return records.records(figure, period, filter, today, after, limit);
    }

    /** The filings of each matter, in the order asked. */
    public List<ReportViews.MatterView> matters(List<UUID> matterIds) {
        return records.matters(matterIds);
    }
}

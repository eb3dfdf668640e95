package vn.inspectorate.reporting.language;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.language.Messages;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.reporting.figures.Figure;
import vn.inspectorate.reporting.figures.FigureValue;
import vn.inspectorate.reporting.figures.ReportViews;
import vn.inspectorate.reporting.figures.ReportViews.ChangeView;
import vn.inspectorate.reporting.figures.ReportViews.PeriodView;
import vn.inspectorate.reporting.national.NationalReport;

/**
 * The words of a report in the reader's language, from the {@code messages} bundles: figure labels
 * ({@code figure.<code>}), units, titles, notes, the catalogue's changes and the export headers. Reports are built
 * and frozen as figures; their words are put in when they are read, so a published report reads in either language.
 */
public final class ReportLabels {

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter VI_MOMENT = DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy (xxx)");
    private static final DateTimeFormatter EN_MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private ReportLabels() {
    }

    public static String text(Locale language, String key, Object... args) {
        return Messages.text(language, key, args);
    }

    public static String figure(Figure f, Locale language) {
        return Messages.find(language, "figure." + f.code()).orElse(f.label());
    }

    /** A figure's label by its code; the code itself for a figure no longer in the catalogue. */
    public static String figure(String code, Locale language) {
        return Figure.byCode(code).map(f -> figure(f, language)).orElse(code);
    }

    public static String unit(String unit, Locale language) {
        return Messages.find(language, "unit." + unit).orElse(unit);
    }

    /** Vietnamese dates as officials write them (31/03/2024), English as ISO 8601. */
    public static String date(LocalDate day, Locale language) {
        return day == null ? "" : Languages.isEnglish(language) ? day.toString() : VI_DATE.format(day);
    }

    /** A moment in Vietnam's time. */
    public static String moment(OffsetDateTime at, Locale language) {
        return at == null ? "" : (Languages.isEnglish(language) ? EN_MOMENT : VI_MOMENT)
                .format(at.atZoneSameInstant(VietnamTime.ZONE));
    }

    public static String title(NationalReport report, Locale language) {
        PeriodView p = report.period();
        String scope = report.scope() == null || report.scope().province() == null
                ? text(language, "scope.national") : report.scope().province();
        return text(language, "report.title", p.key(), text(language, "calendar." + p.calendar()),
                date(p.start(), language), date(p.end(), language), scope);
    }

    public static String periods(NationalReport report, Locale language) {
        return text(language, "report.periods", date(report.period().start(), language),
                date(report.period().end(), language), date(report.previousPeriod().start(), language),
                date(report.previousPeriod().end(), language));
    }

    /**
     * Which days of the period a figure counts (null when all), or, for a "now" figure, when it was read: the moment
     * of a published report ({@code readAt}), else the day the report was read ({@code asOf}).
     */
    public static String note(Figure f, PeriodView period, OffsetDateTime readAt, LocalDate asOf, Locale language) {
        if (f.isNow()) {
            if (readAt == null && asOf == null) {
                return null;
            }
            LocalDate day = readAt != null ? readAt.atZoneSameInstant(VietnamTime.ZONE).toLocalDate() : asOf;
            String when = readAt != null ? moment(readAt, language) : date(asOf, language);
            return text(language, day.isAfter(period.end()) ? "note.now-past-period" : "note.now", when);
        }
        if (f.inForceThroughout(period.start(), period.end())) {
            return null;
        }
        LocalDate from = f.inForceFrom();
        LocalDate to = f.inForceTo();
        String inForce = from != null && to != null
                ? text(language, "note.in-force-from-to", date(from, language), date(to, language))
                : from != null ? text(language, "note.in-force-from", date(from, language))
                : text(language, "note.in-force-until", date(to, language));
        if (!f.inForceDuring(period.start(), period.end())) {
            return text(language, "note.not-in-force", inForce);
        }
        LocalDate first = from != null && from.isAfter(period.start()) ? from : period.start();
        LocalDate last = to != null && to.isBefore(period.end()) ? to : period.end();
        return text(language, "note.counts-part", date(first, language), date(last, language), inForce);
    }

    /**
     * A figure's value in {@code language}; {@code readAtIfUnknown} stands for the moment a "now" figure was read when
     * the value does not say (reports published before it was recorded: their publication).
     */
    public static FigureValue value(FigureValue v, PeriodView period, OffsetDateTime readAtIfUnknown,
            LocalDate asOf, Locale language) {
        Optional<Figure> f = Figure.byCode(v.figure());
        if (f.isEmpty()) {
            return v;
        }
        OffsetDateTime readAt = f.get().isNow() ? (v.readAt() != null ? v.readAt() : readAtIfUnknown) : null;
        return v.relabelled(figure(f.get(), language), note(f.get(), period, readAt, asOf, language), readAt);
    }

    public static List<FigureValue> values(List<FigureValue> values, PeriodView period,
            OffsetDateTime readAtIfUnknown, LocalDate asOf, Locale language) {
        return values.stream().map(v -> value(v, period, readAtIfUnknown, asOf, language)).toList();
    }

    public static ChangeView change(ChangeView c, Locale language) {
        return new ChangeView(c.on(), c.ended(), c.started(),
                Messages.find(language, "change." + c.on()).orElse(c.detail()));
    }

    public static List<ChangeView> changes(List<ChangeView> changes, Locale language) {
        return changes == null ? List.of() : changes.stream().map(c -> change(c, language)).toList();
    }

    public static ReportViews.Summary summary(ReportViews.Summary s, Locale language) {
        return new ReportViews.Summary(s.period(), s.previousPeriod(), s.scope(), s.asOf(),
                values(s.figures(), s.period(), null, s.asOf(), language), changes(s.changes(), language));
    }

    public static ReportViews.Series series(ReportViews.Series s, Locale language) {
        return Figure.byCode(s.figure()).map(f -> new ReportViews.Series(s.figure(), figure(f, language), s.unit(),
                s.period(), s.granularity(), s.scope(), s.points(), note(f, s.period(), null, null, language)))
                .orElse(s);
    }

    public static ReportViews.Breakdown breakdown(ReportViews.Breakdown b, Locale language) {
        return Figure.byCode(b.figure()).map(f -> new ReportViews.Breakdown(b.figure(), figure(f, language), b.by(),
                b.period(), b.previousPeriod(), b.scope(), b.rows(), note(f, b.period(), null, null, language)))
                .orElse(b);
    }

    /** A whole report; {@code readAtIfUnknown}: see {@link #value}. */
    public static NationalReport report(NationalReport r, OffsetDateTime readAtIfUnknown, Locale language) {
        List<NationalReport.ProvinceRow> rows = r.byProvince() == null ? List.of() : r.byProvince().stream()
                .map(row -> row.province() == null
                        ? new NationalReport.ProvinceRow(null, text(language, "scope.central-bodies"), row.values())
                        : row)
                .toList();
        return new NationalReport(title(r, language), r.period(), r.previousPeriod(), r.scope(), r.asOf(),
                values(r.headline(), r.period(), readAtIfUnknown, r.asOf(), language),
                values(r.figures(), r.period(), readAtIfUnknown, r.asOf(), language), rows, r.revisions(),
                changes(r.changes(), language));
    }
}

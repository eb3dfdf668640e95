package vn.inspectorate.reporting.figures;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every figure the service reports. Period figures are sums over days of the pre-aggregated table; the two "now"
 * figures count the current state of cases. {@code headline} orders the sector's headline table (0: not in it).
 * Dimensions per domain: cases (handling or receiving body, kind = case kind), inspections (inspecting body, sector,
 * kind = inspection type), declarations (body = agency, kind = declaration kind; for {@code declarations.flagged_rule}
 * kind is the red-flag rule id). A figure may be in force for some dates only ({@link FigureChange}): the
 * administrative/specialized split until 30 June 2025, the single kind of inspection from 1 July 2025.
 */
public enum Figure {
    INSPECTIONS_ADMINISTRATIVE("inspections.administrative", "Administrative inspections", Unit.COUNT, 1),
    INSPECTIONS_SPECIALIZED("inspections.specialized", "Specialized inspections", Unit.COUNT, 2),
    INSPECTIONS_INSPECTION("inspections.inspection", "Inspections (one kind, from 1 July 2025)", Unit.COUNT, 3),
    INSPECTIONS_CONCLUSIONS("inspections.conclusions", "Conclusions issued", Unit.COUNT, 4),
    INSPECTIONS_UNITS_COVERED("inspections.units_covered", "Units covered by conclusions", Unit.COUNT, 5),
    INSPECTIONS_VIOLATIONS_VND("inspections.violations_vnd", "Violations found", Unit.VND, 6),
    INSPECTIONS_VIOLATIONS_LAND("inspections.violations_land_m2", "Violations found (land)", Unit.M2, 7),
    INSPECTIONS_RECOVERY_RECOMMENDED_VND("inspections.recovery_recommended_vnd", "Recovery recommended", Unit.VND, 8),
    INSPECTIONS_RECOVERED_VND("inspections.recovered_vnd", "Recovered", Unit.VND, 9),
    INSPECTIONS_RESPONSIBLE_ORGANISATIONS("inspections.responsible_organisations",
            "Organisations held responsible", Unit.COUNT, 10),
    INSPECTIONS_RESPONSIBLE_INDIVIDUALS("inspections.responsible_individuals",
            "Individuals held responsible", Unit.COUNT, 11),
    INSPECTIONS_TRANSFERS("inspections.transfers_to_investigation", "Cases transferred to investigation",
            Unit.COUNT, 12),
    CASES_RECEIVED("cases.received", "Cases received (complaints, denunciations, petitions)", Unit.COUNT, 13),
    CASES_ACCEPTED("cases.accepted", "Cases accepted", Unit.COUNT, 14),
    CASES_RESOLVED("cases.resolved", "Cases resolved", Unit.COUNT, 15),
    CASES_RESOLVED_ON_TIME("cases.resolved_on_time", "Cases resolved on time", Unit.COUNT, 16),
    CASES_OVERDUE("cases.overdue", "Cases that became overdue", Unit.COUNT, 17),
    CASES_MASS("cases.mass", "Mass cases received", Unit.COUNT, 18),
    CASES_ON_WATCHLIST_NOW("cases.on_watchlist_now", "Prolonged cases on the watchlist now", Unit.COUNT, 19, true),
    DECLARATIONS_SUBMITTED("declarations.submitted", "Declarations made", Unit.COUNT, 20),
    DECLARATIONS_VERIFIED("declarations.verified", "Declarations verified", Unit.COUNT, 21),
    DECLARATIONS_FLAGGED("declarations.flagged", "Declarations flagged", Unit.COUNT, 22),

    CASES_NOT_ACCEPTED("cases.not_accepted", "Cases not accepted", Unit.COUNT, 0),
    CASES_DUPLICATES_LINKED("cases.duplicates_linked", "Duplicates linked", Unit.COUNT, 0),
    /**
     * Matters received: the filings connected by links counted once, in the period of the matter's first filing;
     * nationally once, in each province it was filed in once (so provinces do not add up to the nation).
     */
    CASES_MATTERS_RECEIVED("cases.matters_received", "Matters received (linked filings counted once)", Unit.COUNT,
            0),
    CASES_PAUSED("cases.paused", "Cases whose handling was paused", Unit.COUNT, 0),
    CASES_WITHDRAWN("cases.withdrawn", "Cases withdrawn", Unit.COUNT, 0),
    CASES_PARTLY_WITHDRAWN("cases.partly_withdrawn", "Cases withdrawn in part", Unit.COUNT, 0),
    CASES_TRANSFERRED("cases.transferred", "Cases transferred to the competent body", Unit.COUNT, 0),
    CASES_ESCALATED("cases.escalated", "Complaints escalated to second instance", Unit.COUNT, 0),
    CASES_WATCHLISTED("cases.watchlisted", "Cases added to the watchlist", Unit.COUNT, 0),
    CASES_WATCHLIST_PROGRESS("cases.watchlist_progress_reports", "Watchlist monthly progress reports", Unit.COUNT, 0),
    CASES_WATCHLIST_PROGRESS_OVERDUE("cases.watchlist_progress_overdue",
            "Watchlist progress reports marked overdue", Unit.COUNT, 0),
    CASES_OVERDUE_NOW("cases.overdue_now", "Open cases past their deadline now", Unit.COUNT, 0, true),
    INSPECTIONS_OPENED("inspections.opened", "Inspections opened", Unit.COUNT, 0),
    INSPECTIONS_PLANNED("inspections.planned", "Planned inspections", Unit.COUNT, 0),
    INSPECTIONS_AD_HOC("inspections.ad_hoc", "Ad hoc inspections", Unit.COUNT, 0),
    INSPECTIONS_RECOVERY_RECOMMENDED_LAND("inspections.recovery_recommended_land_m2",
            "Recovery recommended (land)", Unit.M2, 0),
    INSPECTIONS_RECOVERED_LAND("inspections.recovered_land_m2", "Recovered (land)", Unit.M2, 0),
    INSPECTIONS_OVERLAPS("inspections.overlaps", "Overlaps detected", Unit.COUNT, 0),
    DECLARATIONS_LATE("declarations.late", "Late declarations", Unit.COUNT, 0),
    DECLARATIONS_FLAGGED_RULE("declarations.flagged_rule", "Flags raised by rule", Unit.COUNT, 0),
    DECLARATIONS_SELECTED("declarations.selected", "Declarations selected for verification", Unit.COUNT, 0),
    DECLARATIONS_DISHONEST("declarations.dishonest", "Declarations found dishonest", Unit.COUNT, 0);

    /** What a figure's value counts. */
    public enum Unit { COUNT, VND, M2 }

    private final String code;
    private final String label;
    private final Unit unit;
    private final int headline;
    private final boolean now;

    Figure(String code, String label, Unit unit, int headline) {
        this(code, label, unit, headline, false);
    }

    Figure(String code, String label, Unit unit, int headline, boolean now) {
        this.code = code;
        this.label = label;
        this.unit = unit;
        this.headline = headline;
        this.now = now;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public boolean isHeadline() {
        return headline > 0;
    }

    /** A figure of the current state ("now"), not of a period: it has no previous-year value. */
    public boolean isNow() {
        return now;
    }

    /**
     * A record counts once in the national figure even where it counts in several provinces (a matter filed in
     * three provinces): its national value on a day is its largest, not the sum of its provinces'.
     */
    public boolean countsOnceNationally() {
        return this == CASES_MATTERS_RECEIVED;
    }

    public String domain() {
        return code.substring(0, code.indexOf('.'));
    }

    /** The first day the figure counts; null: since ever. */
    public LocalDate inForceFrom() {
        return FigureChange.ALL.stream().filter(c -> c.started().contains(this)).map(FigureChange::on)
                .reduce((a, b) -> b).orElse(null);
    }

    /** The last day the figure counts; null: still in force. */
    public LocalDate inForceTo() {
        return FigureChange.ALL.stream().filter(c -> c.ended().contains(this)).map(c -> c.on().minusDays(1))
                .findFirst().orElse(null);
    }

    /** True when the figure counts every day from {@code start} to {@code end}. */
    public boolean inForceThroughout(LocalDate start, LocalDate end) {
        LocalDate from = inForceFrom();
        LocalDate to = inForceTo();
        return (from == null || !from.isAfter(start)) && (to == null || !to.isBefore(end));
    }

    /** True when the figure counts at least one day from {@code start} to {@code end}. */
    public boolean inForceDuring(LocalDate start, LocalDate end) {
        LocalDate from = inForceFrom();
        LocalDate to = inForceTo();
        return (from == null || !from.isAfter(end)) && (to == null || !to.isBefore(start));
    }

    /** The figure an inspection opened on {@code day} counts in: by its type before the change, one kind from it. */
    public static Optional<Figure> inspectionKind(String type, LocalDate day) {
        if (day == null) {
            return Optional.empty();
        }
        if (INSPECTIONS_INSPECTION.inForceDuring(day, day)) {
            return Optional.of(INSPECTIONS_INSPECTION);
        }
        return switch (type == null ? "" : type) {
            case "ADMINISTRATIVE" -> Optional.of(INSPECTIONS_ADMINISTRATIVE);
            case "SPECIALIZED" -> Optional.of(INSPECTIONS_SPECIALIZED);
            // a single-kind inspection dated before the change (the service refuses it): still counted, as the one kind
            case "INSPECTION" -> Optional.of(INSPECTIONS_INSPECTION);
            default -> Optional.empty();
        };
    }

    public static Optional<Figure> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    public static List<Figure> headlineTable() {
        return Arrays.stream(values()).filter(Figure::isHeadline).sorted(Comparator.comparingInt(f -> f.headline)).toList();
    }
}

package vn.inspectorate.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.security.Roles;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.reporting.periods.Calendar;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.periods.PeriodCalendar;
import vn.inspectorate.reporting.units.AdministrativeUnits;
import vn.inspectorate.reporting.units.UnitMode;

/**
 * Reads and checks the query parameters every report endpoint shares (period, calendar, scope), and binds the scope
 * to the caller: provincial roles see only their own province, central roles and partners the nation.
 */
@ApplicationScoped
public class ReportRequests {

    /** Reporting day: Vietnam. */
    public static final ZoneId ZONE = VietnamTime.ZONE;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final PeriodCalendar periods;
    private final AdministrativeUnits units;
    private final CallerScope caller;
    private final int maxPeriodDays;
    private final Set<String> centralAgencies;

    ReportRequests(PeriodCalendar periods, AdministrativeUnits units, CallerScope caller, ReportsConfig config) {
        this.periods = periods;
        this.units = units;
        this.caller = caller;
        this.maxPeriodDays = config.maxPeriodDays();
        this.centralAgencies = config.centralAgencies();
    }

    /**
     * Central staff read every province and the nation: central analysts, platform administrators, and inspectors
     * of a central agency (e.g. TTCP, the Government Inspectorate) whose token binds them to no province.
     */
    public boolean centralStaff() {
        return caller.isCentral() || (caller.hasRole(Roles.INSPECTOR) && caller.province().isEmpty()
                && caller.agency().map(centralAgencies::contains).orElse(false));
    }

    /** The province the caller's token binds them to, if they are not central staff. */
    public Optional<String> ownProvince() {
        return centralStaff() ? Optional.empty() : caller.province();
    }

    public LocalDate today() {
        return VietnamTime.today();
    }

    /** A named period ({@code period}) or a date range ({@code from}, {@code to}); problems are added to {@code errors}. */
    public Period period(String period, String calendar, String from, String to, List<Problem.FieldError> errors) {
        Optional<Calendar> cal = Calendar.parse(calendar);
        if (cal.isEmpty()) {
            errors.add(Problem.FieldError.of("calendar", "error.unknown-calendar", calendar));
            return null;
        }
        if (period != null && (from != null || to != null)) {
            errors.add(Problem.FieldError.of("period", "error.period-or-range"));
            return null;
        }
        if (period != null) {
            Optional<Period> p = periods.parse(period, cal.get());
            if (p.isEmpty()) {
                errors.add(Problem.FieldError.of("period", "error.unknown-period", period));
                return null;
            }
            return p.get();
        }
        if (from == null || to == null) {
            errors.add(Problem.FieldError.of(from == null ? "from" : "to", "error.period-or-both-dates"));
            return null;
        }
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start == null || end == null) {
            return null;
        }
        if (start.getYear() < 1991 || end.getYear() > 2200) {
            errors.add(Problem.FieldError.of(start.getYear() < 1991 ? "from" : "to", "error.years"));
            return null;
        }
        if (end.isBefore(start)) {
            errors.add(Problem.FieldError.of("to", "error.end-before-start", end.toString(), start.toString()));
            return null;
        }
        Period p = new Period(start + ".." + end, null, cal.get(), start, end);
        if (p.days() > maxPeriodDays) {
            errors.add(Problem.FieldError.of("to", "error.too-long", p.days(), maxPeriodDays));
            return null;
        }
        return p;
    }

    /** The scope asked for, bound to what the caller may see. */
    public ReportFilter filter(String province, String body, String sector, String kind, String unitMode,
            List<Problem.FieldError> errors) {
        Optional<UnitMode> mode = UnitMode.parse(unitMode);
        if (mode.isEmpty()) {
            errors.add(Problem.FieldError.of("units", "error.unknown-units", unitMode));
        }
        code("body", body, errors);
        code("sector", sector, errors);
        code("kind", kind, errors);
        String p = province == null || province.isBlank() ? null : province.trim().toUpperCase(java.util.Locale.ROOT);
        boolean ownProvince = p != null && caller.province().map(p::equals).orElse(false);
        if (p != null && !units.known(p) && !ownProvince) {
            errors.add(Problem.FieldError.of("province", "error.unknown-province", province));
        } else if (p != null && mode.orElse(UnitMode.FILED) == UnitMode.CURRENT && !units.inForce(p, today())) {
            errors.add(Problem.FieldError.of("province", "error.province-not-in-force", p,
                    units.successorOn(p, today())));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        if (!centralStaff() && !caller.hasRole(Roles.PARTNER)) {
            String own = caller.province().orElseThrow(() -> ProblemException.keyed(403, "forbidden",
                    "report.forbidden.no-province"));
            if (p != null && !p.equals(own)) {
                throw ProblemException.keyed(403, "forbidden", "report.forbidden.own-province", own);
            }
            p = own;
        }
        Set<String> codes = null;
        if (p != null) {
            codes = mode.get() == UnitMode.CURRENT ? units.filedCodesOf(p, today()) : Set.of(p);
        }
        return new ReportFilter(p, codes, blankToNull(body), blankToNull(sector), blankToNull(kind), mode.get());
    }

    public Figure figure(String code, List<Problem.FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(Problem.FieldError.of("figure", "error.required"));
            return null;
        }
        Optional<Figure> f = Figure.byCode(code.trim());
        if (f.isEmpty()) {
            errors.add(Problem.FieldError.of("figure", "error.unknown-figure", code));
            return null;
        }
        return f.get();
    }

    /** Series and breakdowns are of a period: a figure of the current state ({@link Figure#isNow()}) is refused. */
    public static void ofAPeriod(Figure figure, String code, List<Problem.FieldError> errors) {
        if (figure != null && figure.isNow()) {
            errors.add(Problem.FieldError.of("figure", "error.not-a-period-figure", code));
        }
    }

    /**
     * The record a path names by id; an id that is not a UUID names nothing, like an unknown one (404). {@code what}
     * is the key of the record's name in the message bundles.
     */
    public static <T> T found(String what, String id, Function<UUID, Optional<T>> find) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(what, id);
        }
        return find.apply(parsed).orElseThrow(() -> notFound(what, id));
    }

    private static ProblemException notFound(String what, String id) {
        return ProblemException.keyed(404, "not-found", "report.not-found", new Problem.Text(what), id);
    }

    public static void check(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.keyed(400, "invalid-request", "problem.invalid-request.parameters",
                    errors.size()).withErrors(List.copyOf(errors)));
        }
    }

    public static List<Problem.FieldError> errors() {
        return new ArrayList<>();
    }

    private static LocalDate date(String field, String value, List<Problem.FieldError> errors) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(Problem.FieldError.of(field, "error.not-a-date", value));
            return null;
        }
    }

    private static void code(String field, String value, List<Problem.FieldError> errors) {
        if (value != null && !value.isBlank() && !CODE.matcher(value.trim()).matches()) {
            errors.add(Problem.FieldError.of(field, "error.not-a-code"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

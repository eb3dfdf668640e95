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

    ReportRequests(PeriodCalendar periods, AdministrativeUnits units, CallerScope caller, ReportsConfig config) {
        this.periods = periods;
        this.units = units;
        this.caller = caller;
        this.maxPeriodDays = config.maxPeriodDays();
    }

    public LocalDate today() {
        return VietnamTime.today();
    }

    /** A named period ({@code period}) or a date range ({@code from}, {@code to}); problems are added to {@code errors}. */
    public Period period(String period, String calendar, String from, String to, List<Problem.FieldError> errors) {
        Optional<Calendar> cal = Calendar.parse(calendar);
        if (cal.isEmpty()) {
            errors.add(new Problem.FieldError("calendar", "unknown calendar '" + calendar + "'; allowed: calendar, sector"));
            return null;
        }
        if (period != null && (from != null || to != null)) {
            errors.add(new Problem.FieldError("period", "give either period or from and to, not both"));
            return null;
        }
        if (period != null) {
            Optional<Period> p = periods.parse(period, cal.get());
            if (p.isEmpty()) {
                errors.add(new Problem.FieldError("period", "unknown period '" + period
                        + "'; use YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM"));
                return null;
            }
            return p.get();
        }
        if (from == null || to == null) {
            errors.add(new Problem.FieldError(from == null ? "from" : "to",
                    "give a period, or both from and to (ISO dates)"));
            return null;
        }
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start == null || end == null) {
            return null;
        }
        if (start.getYear() < 1991 || end.getYear() > 2200) {
            errors.add(new Problem.FieldError(start.getYear() < 1991 ? "from" : "to",
                    "dates run from 1991 to 2200"));
            return null;
        }
        if (end.isBefore(start)) {
            errors.add(new Problem.FieldError("to", "the end " + end + " is before the start " + start));
            return null;
        }
        Period p = new Period(start + ".." + end, null, cal.get(), start, end);
        if (p.days() > maxPeriodDays) {
            errors.add(new Problem.FieldError("to", "the period is " + p.days() + " days long; at most "
                    + maxPeriodDays + " are allowed"));
            return null;
        }
        return p;
    }

    /** The scope asked for, bound to what the caller may see. */
    public ReportFilter filter(String province, String body, String sector, String kind, String unitMode,
            List<Problem.FieldError> errors) {
        Optional<UnitMode> mode = UnitMode.parse(unitMode);
        if (mode.isEmpty()) {
            errors.add(new Problem.FieldError("units", "unknown value '" + unitMode + "'; allowed: filed, current"));
        }
        code("body", body, errors);
        code("sector", sector, errors);
        code("kind", kind, errors);
        String p = province == null || province.isBlank() ? null : province.trim().toUpperCase(java.util.Locale.ROOT);
        boolean ownProvince = p != null && caller.province().map(p::equals).orElse(false);
        if (p != null && !units.known(p) && !ownProvince) {
            errors.add(new Problem.FieldError("province", "unknown province '" + province + "'"));
        } else if (p != null && mode.orElse(UnitMode.FILED) == UnitMode.CURRENT && !units.inForce(p, today())) {
            errors.add(new Problem.FieldError("province", "'" + p + "' is no longer in force; it rolls up to "
                    + units.successorOn(p, today()) + " (or ask with units=filed)"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        if (!caller.isCentral() && !caller.hasRole(Roles.PARTNER)) {
            String own = caller.province().orElseThrow(() -> ProblemException.forbidden(
                    "Your token binds you to no province."));
            if (p != null && !p.equals(own)) {
                throw ProblemException.forbidden("You may read the figures of " + own + " only.");
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
            errors.add(new Problem.FieldError("figure", "required"));
            return null;
        }
        Optional<Figure> f = Figure.byCode(code.trim());
        if (f.isEmpty()) {
            errors.add(new Problem.FieldError("figure", "unknown figure '" + code + "'"));
            return null;
        }
        return f.get();
    }

    /** Series and breakdowns are of a period: a figure of the current state ({@link Figure#isNow()}) is refused. */
    public static void ofAPeriod(Figure figure, String code, List<Problem.FieldError> errors) {
        if (figure != null && figure.isNow()) {
            errors.add(new Problem.FieldError("figure", "'" + code + "' is a figure of the current state, not of a period"));
        }
    }

    /** The record a path names by id; an id that is not a UUID names nothing, like an unknown one (404). */
    public static <T> T found(String what, String id, Function<UUID, Optional<T>> find) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what + " " + id);
        }
        return find.apply(parsed).orElseThrow(() -> ProblemException.notFound(what + " " + id));
    }

    public static void check(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The request has " + errors.size() + " invalid parameter"
                    + (errors.size() == 1 ? "" : "s") + ".", List.copyOf(errors));
        }
    }

    public static List<Problem.FieldError> errors() {
        return new ArrayList<>();
    }

    private static LocalDate date(String field, String value, List<Problem.FieldError> errors) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "'" + value + "' is not an ISO date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static void code(String field, String value, List<Problem.FieldError> errors) {
        if (value != null && !value.isBlank() && !CODE.matcher(value.trim()).matches()) {
            errors.add(new Problem.FieldError(field, "not a valid code"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

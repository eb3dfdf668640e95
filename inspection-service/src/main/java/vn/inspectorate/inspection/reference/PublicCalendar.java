package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.inspectorate.contracts.reference.CalendarLoaded;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.CalendarEntry;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.CalendarView;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.DayKind;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.DayView;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.LoadYear;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * The master copy of the public calendar: per year, the weekdays off (holidays and compensatory days off) and the
 * weekend days worked. Loading a year replaces it whole, is recorded, and is published on {@link Topics#REFERENCE}
 * for the services that count days with it.
 */
@ApplicationScoped
public class PublicCalendar {

    private final PublicCalendarStore store;
    private final ReferenceChanges changes;
    private final Outbox outbox;

    PublicCalendar(PublicCalendarStore store, ReferenceChanges changes, Outbox outbox) {
        this.store = store;
        this.changes = changes;
        this.outbox = outbox;
    }

    /** The year as loaded; 404 when it was never loaded. */
    public CalendarView year(int year) {
        PublicCalendarStore.Year loaded = store.year(year)
                .orElseThrow(() -> ProblemException.keyed(404, "not-found", "calendar.not-found", String.valueOf(year)));
        return new CalendarView(year, loaded.source(), loaded.decided(), loaded.version(), store.days(year));
    }

    /** Replaces the year; the same days, source and decision again change nothing and record nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CalendarView load(int year, LoadYear request) {
        List<DayView> days = validated(year, request);
        boolean decided = request.decided() == null || request.decided();
        String source = request.source().strip();
        store.lockYear(year);
        long version = 1;
        if (store.loaded(year)) {
            CalendarView current = year(year);
            if (current.days().equals(days) && current.source().equals(source) && current.decided() == decided) {
                return current;
            }
            version = current.version() + 1;
        }
        store.replace(year, days, decided, source, version);
        CalendarView loaded = new CalendarView(year, source, decided, version, days);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("year", year);
        details.put("source", source);
        details.put("decided", decided);
        details.put("days", days);
        UUID changeId = changes.record("CALENDAR_LOADED", "calendar-" + year, request.reason(), details);
        UUID calendarId = CalendarLoaded.calendarIdOf(year);
        outbox.publish(calendarId.toString(),
                new CalendarLoaded(calendarId, version, OffsetDateTime.now(ZoneOffset.UTC), changeId, year, source,
                        days.stream().map(d -> new CalendarLoaded.CalendarDay(d.day(), d.kind().name(), d.occasion()))
                                .toList()));
        return loaded;
    }

    /** Every day in the year, once; days off on weekdays, working days on weekends. */
    private static List<DayView> validated(int year, LoadYear request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<DayView> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        check(year, request.daysOff(), "daysOff", DayKind.DAY_OFF, seen, days, errors);
        check(year, request.workingDays(), "workingDays", DayKind.WORKING_DAY, seen, days, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("invalid-calendar", errors, "calendar.invalid", String.valueOf(year));
        }
        days.sort(Comparator.comparing(DayView::day));
        return List.copyOf(days);
    }

    private static void check(int year, List<CalendarEntry> entries, String field, DayKind kind, Set<LocalDate> seen,
            List<DayView> days, List<Problem.FieldError> errors) {
        for (int i = 0; i < entries.size(); i++) {
            LocalDate day = entries.get(i).day();
            String where = field + "[" + i + "].day";
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (day.getYear() != year) {
                errors.add(Problem.FieldError.of(where, "calendar.not-in-year.error", String.valueOf(year)));
            } else if (!seen.add(day)) {
                errors.add(Problem.FieldError.of(where, "calendar.listed-twice.error"));
            } else if (kind == DayKind.DAY_OFF && weekend) {
                errors.add(Problem.FieldError.of(where, "calendar.weekend-off.error"));
            } else if (kind == DayKind.WORKING_DAY && !weekend) {
                errors.add(Problem.FieldError.of(where, "calendar.weekday-worked.error"));
            } else {
                days.add(new DayView(day, kind, entries.get(i).occasion().strip()));
            }
        }
    }
}

package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
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

    private final EntityManager em;
    private final ReferenceChanges changes;
    private final Outbox outbox;

    PublicCalendar(EntityManager em, ReferenceChanges changes, Outbox outbox) {
        this.em = em;
        this.changes = changes;
        this.outbox = outbox;
    }

    /** The year as loaded; 404 when it was never loaded. */
    @SuppressWarnings("unchecked")
    public CalendarView year(int year) {
        List<Object[]> head = em.createNativeQuery(
                "select source, decided, version from public_calendar_year where year = ?1")
                .setParameter(1, year).getResultList();
        if (head.isEmpty()) {
            throw ProblemException.notFound("The public calendar of " + year);
        }
        List<Object[]> rows = em.createNativeQuery(
                "select day, kind, occasion from public_calendar_day where year = ?1 order by day")
                .setParameter(1, year).getResultList();
        List<DayView> days = rows.stream().map(r -> new DayView(date(r[0]), DayKind.valueOf((String) r[1]),
                (String) r[2])).toList();
        return new CalendarView(year, (String) head.get(0)[0], (Boolean) head.get(0)[1],
                ((Number) head.get(0)[2]).longValue(), days);
    }

    /** Replaces the year; the same days, source and decision again change nothing and record nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CalendarView load(int year, LoadYear request) {
        List<DayView> days = validated(year, request);
        boolean decided = request.decided() == null || request.decided();
        String source = request.source().strip();
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('public_calendar'), ?1)").setParameter(1, year)
                .getSingleResult();
        long version = 1;
        List<?> existing = em.createNativeQuery("select 1 from public_calendar_year where year = ?1")
                .setParameter(1, year).getResultList();
        if (!existing.isEmpty()) {
            CalendarView current = year(year);
            if (current.days().equals(days) && current.source().equals(source) && current.decided() == decided) {
                return current;
            }
            version = current.version() + 1;
        }
        em.createNativeQuery("delete from public_calendar_day where year = ?1").setParameter(1, year).executeUpdate();
        for (DayView day : days) {
            em.createNativeQuery("insert into public_calendar_day (day, kind, occasion, decided, source) "
                    + "values (?1, ?2, ?3, ?4, ?5)").setParameter(1, day.day()).setParameter(2, day.kind().name())
                    .setParameter(3, day.occasion()).setParameter(4, decided).setParameter(5, source).executeUpdate();
        }
        em.createNativeQuery("""
                insert into public_calendar_year (year, source, decided, version, loaded_at) values (?1, ?2, ?3, ?4, now())
                on conflict (year) do update set source = excluded.source, decided = excluded.decided,
                    version = excluded.version, loaded_at = excluded.loaded_at""")
                .setParameter(1, year).setParameter(2, source).setParameter(3, decided).setParameter(4, version)
                .executeUpdate();
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
            throw ProblemException.unprocessable("invalid-calendar", "The calendar of " + year + " has days that do "
                    + "not fit it; nothing was loaded.", errors);
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
                errors.add(new Problem.FieldError(where, "not in " + year));
            } else if (!seen.add(day)) {
                errors.add(new Problem.FieldError(where, "listed twice"));
            } else if (kind == DayKind.DAY_OFF && weekend) {
                errors.add(new Problem.FieldError(where, "a weekend day is off already; list the weekday that "
                        + "compensates it instead"));
            } else if (kind == DayKind.WORKING_DAY && !weekend) {
                errors.add(new Problem.FieldError(where, "a weekday is worked already; a compensatory working day "
                        + "is a Saturday or Sunday"));
            } else {
                days.add(new DayView(day, kind, entries.get(i).occasion().strip()));
            }
        }
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}

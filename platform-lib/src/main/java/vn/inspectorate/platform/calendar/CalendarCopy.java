package vn.inspectorate.platform.calendar;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.reference.CalendarLoaded;
import vn.inspectorate.platform.inbox.PoisonEventException;
import vn.inspectorate.platform.reference.ReferenceChange;
import vn.inspectorate.platform.reference.ReferenceChangeHandler;
import vn.inspectorate.platform.reference.ReferenceSnapshot;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reference.WorkingCalendar;

/**
 * A service's copy of the public calendar, which inspection-service keeps and publishes: read whole (a few dozen rows
 * a year) and kept until a loaded year arrives or the maximum age (the backstop) has passed.
 * <p>
 * The service's instances share one copy in their database, which {@link CalendarLoadedConsumer} keeps through the
 * service's consumer group: one instance applies each loaded year. Every instance also hears the event itself
 * ({@link ReferenceChangeHandler}) and applies it too before reading the calendar again, so it never reloads before
 * the instance of the group committed the year; the version check makes the second application change nothing.
 * <p>
 * A service that counts with the calendar declares one bean extending this class, naming its table; the consumer and
 * the readiness check ({@link CalendarCoverageCheck}) are the service's subclasses of this package's, which carry the
 * channel, the schedule and the qualifiers (Quarkus reads those annotations on the bean class only).
 */
public abstract class CalendarCopy implements ReferenceChangeHandler {

    private static final String NEWER_VERSION = """
            insert into public_calendar_version (year, version) values (?, ?)
            on conflict (year) do update set version = excluded.version
            where public_calendar_version.version < excluded.version""";

    private final Sql sql;
    private final CalendarTable table;
    private final ReferenceSnapshot<WorkingCalendar> calendar;

    protected CalendarCopy(Sql sql, CalendarTable table, Duration maxAge) {
        this.sql = sql;
        this.table = table;
        this.calendar = new ReferenceSnapshot<>(maxAge, this::load);
    }

    /** The calendar as loaded (at most the maximum age old). */
    public WorkingCalendar calendar() {
        return calendar.get();
    }

    /**
     * The last day of a legal time limit whose nominal last day is {@code lastDay}: the next working day when it is a
     * day off (Civil Code 91/2015 Art. 148 §5).
     */
    public LocalDate endOfTimeLimit(LocalDate lastDay) {
        return calendar().endOfTimeLimit(lastDay);
    }

    /** Reads the calendar again at the next use: a loaded year applies at once. */
    public void refresh() {
        calendar.invalidate();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(EventTypes.REFERENCE_CALENDAR_LOADED);
    }

    /** A loaded year heard by this instance: applied in a transaction of its own (if not yet), then read again. */
    @Override
    public void changed(ReferenceChange change) {
        CalendarLoaded loaded = change.payload(CalendarLoaded.class);
        QuarkusTransaction.requiringNew().run(() -> apply(loaded, change.id()));
        refresh();
    }

    /**
     * Replaces the year's days by the loaded ones, unless a version as new was applied already; in the caller's
     * transaction. An event that lacks its year, version or days, or has a day outside its year, is poison.
     */
    void apply(CalendarLoaded loaded, String eventId) {
        if (loaded.version() < 1 || loaded.days() == null || loaded.year() < 2000 || loaded.year() > 2100) {
            throw new PoisonEventException("calendar-loaded " + eventId + " lacks its year, version or days");
        }
        for (CalendarLoaded.CalendarDay day : loaded.days()) {
            if (day == null || day.day() == null || day.day().getYear() != loaded.year()
                    || !("DAY_OFF".equals(day.kind()) || "WORKING_DAY".equals(day.kind()))) {
                throw new PoisonEventException("calendar-loaded " + eventId + " has a day that does not fit its year");
            }
        }
        if (sql.update(NEWER_VERSION, List.of(loaded.year(), loaded.version())) == 0) {
            return;
        }
        sql.update(table.deleteYear(), List.of(loaded.year()));
        sql.batch(table.insertDay(), loaded.days().stream()
                .map(day -> List.of(day.day(), day.occasion() == null ? "" : day.occasion(), day.kind()))
                .toList());
    }

    /** Every day off and compensatory working day. */
    private WorkingCalendar load() {
        List<LocalDate> daysOff = new ArrayList<>();
        List<LocalDate> workingDays = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        sql.query(table.selectDays(), List.of(), rs -> {
            LocalDate day = rs.getObject(1, LocalDate.class);
            ("WORKING_DAY".equals(rs.getString(2)) ? workingDays : daysOff).add(day);
            years.add(day.getYear());
            return day;
        });
        return new WorkingCalendar(daysOff, workingDays, years);
    }
}

package vn.inspectorate.declarations.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.inspectorate.reference.WorkingCalendar;

/**
 * This service's copy of the public calendar, read whole (a few dozen rows a year) and kept until a loaded year
 * arrives ({@link CalendarEventsConsumer}) or a minute has passed.
 */
@ApplicationScoped
public class PublicCalendarCopy {

    private static final long MAX_AGE_NANOS = 60_000_000_000L;

    private final EntityManager em;
    private volatile WorkingCalendar calendar;
    private volatile long loadedAt;

    PublicCalendarCopy(EntityManager em) {
        this.em = em;
    }

    public WorkingCalendar calendar() {
        WorkingCalendar current = calendar;
        if (current == null || System.nanoTime() - loadedAt > MAX_AGE_NANOS) {
            current = load();
            calendar = current;
            loadedAt = System.nanoTime();
        }
        return current;
    }

    /**
     * The last day of a legal time limit whose nominal last day is {@code lastDay}: the next working day when it is a
     * day off (Civil Code 91/2015 Art. 148 §5).
     */
    public LocalDate endOfTimeLimit(LocalDate lastDay) {
        return calendar().endOfTimeLimit(lastDay);
    }

    /** Reads the calendar again at the next use. */
    public void refresh() {
        calendar = null;
    }

    @SuppressWarnings("unchecked")
    private WorkingCalendar load() {
        List<Object[]> rows = em.createNativeQuery("select day, kind from public_calendar_day").getResultList();
        List<LocalDate> daysOff = new ArrayList<>();
        List<LocalDate> workingDays = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        for (Object[] r : rows) {
            LocalDate day = r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0];
            ("WORKING_DAY".equals(r[1]) ? workingDays : daysOff).add(day);
            years.add(day.getYear());
        }
        return new WorkingCalendar(daysOff, workingDays, years);
    }
}

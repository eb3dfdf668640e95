package vn.inspectorate.reference;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public calendar as the clocks count it: Monday to Friday are working days and Saturday and Sunday days off,
 * except the loaded days off (holidays and compensatory days off) and compensatory working days (a Saturday worked).
 * Knows which years were loaded, so a clock can say when next year is missing.
 */
public final class WorkingCalendar {

    /** From this day of the year, next year's calendar is expected to be loaded. */
    public static final MonthDay NEXT_YEAR_EXPECTED_FROM = MonthDay.of(11, 1);

    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workingDays;
    private final Set<Integer> years;

    public WorkingCalendar(Collection<LocalDate> daysOff, Collection<LocalDate> workingDays,
            Collection<Integer> years) {
        this.daysOff = Set.copyOf(daysOff);
        this.workingDays = Set.copyOf(workingDays);
        this.years = Set.copyOf(years);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingDays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !daysOff.contains(day);
    }

    /** The {@code days}-th working day after {@code from}; {@code from} itself when {@code days} is 0. */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The last day of a time limit whose nominal last day is {@code lastDay}: that day when it is a working day, else
     * the next working day. Civil Code 91/2015/QH13 Art. 148 §5: when the last day of a time limit is a weekly day off
     * or a public holiday, the time limit ends at the end of the next working day.
     */
    public LocalDate endOfTimeLimit(LocalDate lastDay) {
        LocalDate day = lastDay;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public Set<Integer> years() {
        return years;
    }

    /**
     * Next year, when {@code today} is on or after 1 November and next year's calendar was not loaded: the clocks
     * would then count next year's holidays as working days.
     */
    public Optional<Integer> missingNextYear(LocalDate today) {
        int next = today.getYear() + 1;
        boolean expected = !MonthDay.from(today).isBefore(NEXT_YEAR_EXPECTED_FROM);
        return expected && !years.contains(next) ? Optional.of(next) : Optional.empty();
    }

    @Override
    public String toString() {
        return "WorkingCalendar" + new TreeSet<>(years);
    }
}

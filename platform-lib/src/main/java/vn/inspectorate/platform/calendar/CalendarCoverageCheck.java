package vn.inspectorate.platform.calendar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.reference.WorkingCalendar;

/**
 * Says when next year's public calendar is missing from 1 November on (Vietnam time): the deadlines would otherwise
 * count its holidays as working days without a word. A warning in the readiness check's data, never DOWN (the service
 * still takes its work), and the gauge {@code inspectorate_reference_calendar_missing{year}} at 1.
 * <p>
 * The service's subclass is the {@code @Readiness} bean and overrides {@link #refresh} with
 * {@code @Scheduled(every = REFRESH_EVERY, ...)}: Quarkus finds scheduled methods declared on the bean class only.
 */
public abstract class CalendarCoverageCheck implements HealthCheck {

    public static final String NAME = "public-calendar";
    /** How often the loaded years are read again, so the gauge follows loads and the turn of the year. */
    public static final String REFRESH_EVERY = "${inspectorate.reference.calendar-check.every:5m}";
    static final String GAUGE = "inspectorate.reference.calendar.missing";

    private final CalendarCopy copy;
    private final MeterRegistry registry;
    /** The loaded years as last read, for the gauge (a scrape reads no database). */
    private volatile Set<Integer> loadedYears = Set.of();

    protected CalendarCoverageCheck(CalendarCopy copy, MeterRegistry registry) {
        this.copy = copy;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        LocalDate today = VietnamTime.today();
        int next = today.getYear() + 1;
        register(next);
        var builder = HealthCheckResponse.named(NAME).up();
        WorkingCalendar calendar = copy.calendar();
        loadedYears = calendar.years();
        calendar.missingNextYear(today).ifPresentOrElse(
                year -> builder.withData("calendar-" + year, "missing"),
                () -> builder.withData("calendar-" + next, calendar.years().contains(next) ? "loaded" : "not yet due"));
        return builder.build();
    }

    /** Reads the loaded years again and registers next year's gauge. */
    protected void refresh() {
        register(VietnamTime.today().getYear() + 1);
        loadedYears = copy.calendar().years();
    }

    /** 1 while {@code year} is due (from 1 November of the year before) and not loaded; else 0. */
    double missing(int year) {
        LocalDate today = VietnamTime.today();
        boolean due = today.getYear() >= year
                || (today.getYear() == year - 1 && !MonthDay.from(today).isBefore(WorkingCalendar.NEXT_YEAR_EXPECTED_FROM));
        return due && !loadedYears.contains(year) ? 1 : 0;
    }

    /** Registers the gauge of {@code year} once (a registry keeps the first of the same name and tags). */
    private void register(int year) {
        Gauge.builder(GAUGE, this, c -> c.missing(year)).tag("year", Integer.toString(year)).strongReference(true)
                .description("1 while the public calendar of the year is due and not loaded").register(registry);
    }
}

package vn.inspectorate.complaints.reference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.inspectorate.complaints.rules.DeadlineCalculator;
import vn.inspectorate.reference.WorkingCalendar;
import vn.inspectorate.platform.time.VietnamTime;

/**
 * Says when next year's public calendar is missing from 1 November on (Vietnam time): the clocks would otherwise count
 * its holidays as working days without a word. A warning in the readiness check's data, never DOWN (cases are still
 * taken), and the gauge {@code inspectorate_reference_calendar_missing{year}} at 1.
 */
@Readiness
@ApplicationScoped
public class CalendarCoverage implements HealthCheck {

    /** The zone whose date decides "today" for the calendar. */
    static final String GAUGE = "inspectorate.reference.calendar.missing";

    private final DeadlineCalculator calculator;
    private final MeterRegistry registry;
    /** The loaded years as last read, for the gauge (a scrape reads no database). */
    private volatile java.util.Set<Integer> loadedYears = java.util.Set.of();

    CalendarCoverage(DeadlineCalculator calculator, MeterRegistry registry) {
        this.calculator = calculator;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        LocalDate today = VietnamTime.today();
        int next = today.getYear() + 1;
        register(next);
        var builder = HealthCheckResponse.named("public-calendar").up();
        WorkingCalendar calendar = calculator.calendar();
        loadedYears = calendar.years();
        calendar.missingNextYear(today).ifPresentOrElse(
                year -> builder.withData("calendar-" + year, "missing"),
                () -> builder.withData("calendar-" + next, calendar.years().contains(next) ? "loaded" : "not yet due"));
        return builder.build();
    }

    /** 1 while {@code year} is due (from 1 November of the year before) and not loaded; else 0. */
    double missing(int year) {
        LocalDate today = VietnamTime.today();
        boolean due = today.getYear() >= year
                || (today.getYear() == year - 1 && !MonthDay.from(today).isBefore(WorkingCalendar.NEXT_YEAR_EXPECTED_FROM));
        return due && !loadedYears.contains(year) ? 1 : 0;
    }

    /** Registers the gauge of {@code year} once (a registry keeps the first of the same name and tags). */
    void register(int year) {
        Gauge.builder(GAUGE, this, c -> c.missing(year)).tag("year", Integer.toString(year)).strongReference(true)
                .description("1 while the public calendar of the year is due and not loaded").register(registry);
    }

    /** Reads the calendar again every few minutes, so the gauge follows loads and the turn of the year. */
    @Scheduled(every = "${inspectorate.reference.calendar-check.every:5m}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        register(VietnamTime.today().getYear() + 1);
        loadedYears = calculator.calendar().years();
    }
}

package vn.inspectorate.declarations.calendar;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.Readiness;
import vn.inspectorate.platform.calendar.CalendarCoverageCheck;

/** Warns in readiness and a gauge when next year's public calendar is due and missing: the deadlines would miscount. */
@Readiness
@Singleton
public class CalendarCoverage extends CalendarCoverageCheck {

    CalendarCoverage(PublicCalendarCopy calendar, MeterRegistry registry) {
        super(calendar, registry);
    }

    @Override
    @Scheduled(every = REFRESH_EVERY, delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    protected void refresh() {
        super.refresh();
    }
}

package vn.inspectorate.complaints.reference;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.Readiness;
import vn.inspectorate.platform.calendar.CalendarCoverageCheck;

/** Warns in readiness and a gauge when next year's public calendar is due and missing: the clocks would miscount. */
@Readiness
@Singleton
public class CalendarCoverage extends CalendarCoverageCheck {

    CalendarCoverage(PublicHolidays holidays, MeterRegistry registry) {
        super(holidays, registry);
    }

    @Override
    @Scheduled(every = REFRESH_EVERY, delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    protected void refresh() {
        super.refresh();
    }
}

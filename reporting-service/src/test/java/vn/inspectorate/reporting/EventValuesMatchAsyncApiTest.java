package vn.inspectorate.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.inspectorate.reporting.periods.Calendar;
import vn.inspectorate.reporting.periods.PeriodKind;
import vn.inspectorate.testsupport.AsyncApiSchemas;

/** The AsyncAPI document lists exactly the coded values this service can write into its events. */
class EventValuesMatchAsyncApiTest {

    @Test
    void everyPeriodKindAndCalendarIsListed() {
        assertThat(AsyncApiSchemas.enumValues("ReportPublished", "periodKind"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PeriodKind.values()).map(Enum::name).toList());
        assertThat(AsyncApiSchemas.enumValues("ReportPublished", "periodCalendar"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Calendar.values()).map(Enum::name).toList());
    }
}

package vn.inspectorate.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Months without a progress report count from the last report month (or the month added) to this month. */
class SilenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void longestWithoutAReportComesFirst() throws Exception {
        List<Silence> cases = Silence.of(JSON.readTree("""
                [{"caseId":"recent","addedOn":"2025-01-10","lastReportMonth":"2026-10"},
                 {"caseId":"never","addedOn":"2026-03-31","lastReportMonth":null},
                 {"caseId":"old","addedOn":"2024-06-01","lastReportMonth":"2025-11"}]"""), YearMonth.of(2026, 12));

        assertThat(cases).extracting(c -> c.item().path("caseId").asText()).containsExactly("old", "never", "recent");
        assertThat(cases).extracting(Silence::months).containsExactly(13L, 9L, 2L);
    }

    @Test
    void aReportThisMonthOrAnUnreadableMonthCountsNoMonths() throws Exception {
        YearMonth now = YearMonth.of(2026, 12);
        assertThat(Silence.monthsSince(JSON.readTree("{\"lastReportMonth\":\"2026-12\"}"), now)).isZero();
        assertThat(Silence.monthsSince(JSON.readTree("{\"lastReportMonth\":\"soon\"}"), now)).isZero();
    }
}

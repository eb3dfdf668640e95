package vn.inspectorate.complaints.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
class RuleBookTest {

    @Inject
    RuleBook rules;

    @Inject
    DeadlineCalculator calculator;

    @Test
    void theRuleSetIsChosenByDate() {
        assertThat(rules.inForceOn(LocalDate.of(1990, 1, 1)).version()).isEqualTo("2012.1");
        assertThat(rules.inForceOn(LocalDate.of(2026, 6, 30)).version()).isEqualTo("2012.1");
        assertThat(rules.inForceOn(LocalDate.of(2026, 7, 1)).version()).isEqualTo("2026.7");
        assertThat(rules.inForceOn(LocalDate.of(2026, 6, 30)).pausedTimeCounts()).isTrue();
        assertThat(rules.inForceOn(LocalDate.of(2026, 7, 1)).pausedTimeCounts()).isFalse();
    }

    @Test
    void variantsFallBackToTheNormalNumber() {
        RuleSet set = rules.inForceOn(LocalDate.of(2026, 1, 1));
        RuleValue first = set.get(Rule.COMPLAINT_FIRST_RESOLUTION);
        assertThat(first.value(false, false)).isEqualTo(30);
        assertThat(first.value(true, false)).isEqualTo(45);
        assertThat(first.value(false, true)).isEqualTo(45);
        assertThat(first.value(true, true)).isEqualTo(60);
        RuleValue window = set.get(Rule.SECOND_COMPLAINT_WINDOW);
        assertThat(window.value(true, false)).isEqualTo(30);
        assertThat(window.value(true, true)).isEqualTo(45);
        RuleValue second = set.get(Rule.COMPLAINT_SECOND_RESOLUTION);
        assertThat(second.value(false, false)).isEqualTo(45);
        assertThat(second.value(true, true)).isEqualTo(70);
    }

    @Test
    void workingDaysSkipWeekendsAndPublicHolidays() {
        // Friday 13 February 2026, then the Tet holidays of 16 to 20 February
        assertThat(calculator.add(LocalDate.of(2026, 2, 13), DayUnit.WORKING_DAYS, 1)).isEqualTo("2026-02-23");
        assertThat(calculator.add(LocalDate.of(2026, 2, 13), DayUnit.WORKING_DAYS, 5)).isEqualTo("2026-02-27");
        assertThat(calculator.add(LocalDate.of(2026, 2, 13), DayUnit.CALENDAR_DAYS, 5)).isEqualTo("2026-02-18");
        assertThat(calculator.add(LocalDate.of(2026, 3, 2), DayUnit.WORKING_DAYS, 0)).isEqualTo("2026-03-02");
    }
}

package vn.inspectorate.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Date constraints judge by Vietnam's today: 00:30 on 3 December in Vietnam is still 2 December in UTC. */
@QuarkusTest
class VietnamDateConstraintsTest {

    @Inject
    Validator validator;

    record Declared(@PastOrPresent LocalDate declaredOn) {
    }

    @AfterEach
    void systemClock() {
        VietnamTime.reset();
    }

    @Test
    void todayInVietnamIsPresentBeforeItIsTodayInUtc() {
        VietnamTime.placeAt(Instant.parse("2026-12-02T17:30:00Z"));

        assertThat(validator.validate(new Declared(LocalDate.of(2026, 12, 3)))).isEmpty();
        assertThat(validator.validate(new Declared(LocalDate.of(2026, 12, 4)))).hasSize(1);
    }
}

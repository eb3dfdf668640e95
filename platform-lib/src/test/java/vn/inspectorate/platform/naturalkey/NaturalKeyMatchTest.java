package vn.inspectorate.platform.naturalkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.problem.ProblemException;

class NaturalKeyMatchTest {

    @Test
    void equalValuesOfDifferentJavaTypesMeanTheSame() {
        var match = NaturalKeyMatch.compare()
                .field("days", 30, 30L)
                .field("amount", new BigDecimal("1.50"), new BigDecimal("1.5"))
                .field("unit", TimeUnit.DAYS, "DAYS")
                .field("on", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2))
                .field("codes", Set.of("A"), List.of("A"))
                .field("note", null, null);
        assertThat(match.same()).isTrue();
        assertThat(match.differingFields()).isEmpty();
        match.requireSame("A record", "key", "x");
    }

    @Test
    void differingFieldsAreNamedInRequestOrderAndMakeA409() {
        var match = NaturalKeyMatch.compare()
                .field("decisionDate", LocalDate.of(2026, 1, 2), LocalDate.of(2025, 1, 2))
                .field("subject", "LAND", "LAND")
                .field("team", List.of("a", "b"), List.of("a"))
                .field("note", "x", null);
        assertThat(match.differingFields()).containsExactly("decisionDate", "team", "note");
        assertThatThrownBy(() -> match.requireSame("An inspection", "body and decision number", 42))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(409);
                    assertThat(e.problem().type().toString()).endsWith("/natural-key-conflict");
                    assertThat(e.problem().extensions()).containsEntry("existingId", "42")
                            .containsEntry("differingFields", List.of("decisionDate", "team", "note"));
                });
    }
}

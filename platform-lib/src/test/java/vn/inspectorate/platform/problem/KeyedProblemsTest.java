package vn.inspectorate.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;

/** The keyed factories: details and field messages from the bundles, titles as the literal problems had them. */
class KeyedProblemsTest {

    @Test
    void anUnprocessableProblemIsEnglishUntilWrittenInTheRequestsLanguage() {
        Problem p = ProblemException.unprocessable("record-too-old",
                List.of(Problem.FieldError.of("year", "test.error", "2020")), "test.detail", "2019").problem();
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.type().toString()).endsWith("/record-too-old");
        assertThat(p.title()).isEqualTo("Unprocessable request");
        assertThat(p.detail()).isEqualTo("The record of 2019 cannot be processed.");
        assertThat(p.errors()).extracting(Problem.FieldError::message).containsExactly("must be less than 2020");

        Problem vi = p.localized(Languages.VIETNAMESE);
        assertThat(vi.title()).isEqualTo("Yêu cầu không xử lý được");
        assertThat(vi.detail()).isEqualTo("Không thể xử lý bản ghi năm 2019.");
        assertThat(vi.errors()).extracting(Problem.FieldError::field, Problem.FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("year", "phải nhỏ hơn 2020"));
    }

    @Test
    void invalidAndConflictKeepTheirTypesTitlesAndMembers() {
        Problem invalid = ProblemException.invalid(List.of(Problem.FieldError.of("year", "test.error", "1")),
                "test.detail", "2019").problem();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.slug()).isEqualTo("invalid-request");
        assertThat(invalid.title()).isEqualTo("Invalid request");

        Problem conflict = ProblemException.conflict("record-status", Map.of("currentStatus", "CLOSED"),
                "test.detail", "2019").problem();
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.title()).isEqualTo("Conflict");
        assertThat(conflict.extensions()).containsEntry("currentStatus", "CLOSED");
        assertThat(conflict.localized(Languages.VIETNAMESE).title()).isEqualTo("Xung đột");
        assertThat(conflict.localized(Languages.VIETNAMESE).extensions()).containsEntry("currentStatus", "CLOSED");
    }

    @Test
    void aNaturalKeyConflictNamesTheRecordInTheRequestsLanguage() {
        var match = NaturalKeyMatch.compare().field("name", "A", "B").field("year", 2026, 2025);
        assertThatThrownBy(() -> match.requireSameKeyed("test.record", "R-1"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    Problem p = e.problem();
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.slug()).isEqualTo(NaturalKeyMatch.CONFLICT_TYPE);
                    assertThat(p.extensions()).containsEntry("existingId", "R-1")
                            .containsEntry("differingFields", List.of("name", "year"));
                    assertThat(p.detail()).isEqualTo("A test record with the same code already exists with other "
                            + "values (name, year); it was not changed and nothing was created.");
                    assertThat(p.localized(Languages.VIETNAMESE).detail()).isEqualTo("Bản ghi thử nghiệm có cùng mã "
                            + "đã tồn tại với giá trị khác (name, year); bản ghi hiện có không bị thay đổi và không có "
                            + "bản ghi mới nào được tạo.");
                });
    }
}

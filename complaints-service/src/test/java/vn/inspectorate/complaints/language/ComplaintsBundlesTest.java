package vn.inspectorate.complaints.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.cases.CaseKind;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.language.Messages;
import vn.inspectorate.testsupport.BundleFiles;

/** Every text of the service is in both languages; a new kind of case needs its words in both. */
class ComplaintsBundlesTest {

    @Test
    void everyKeyIsInBothLanguages() {
        BundleFiles.assertSameKeys("messages");
    }

    @Test
    void everyKindOfCaseIsWorded() {
        assertThat(Arrays.stream(CaseKind.values()).map(k -> "case.kind." + k.name())).allSatisfy(key -> {
            assertThat(Messages.pattern(Languages.VIETNAMESE, key)).as(key).isPresent();
            assertThat(Messages.pattern(Languages.ENGLISH, key)).as(key).isPresent();
        });
    }

    @Test
    void englishKeepsTheWordsTheApiAlwaysAnsweredWith() {
        assertThat(Messages.text(Languages.ENGLISH, "case.transition", "CLOSED", "extend"))
                .isEqualTo("A case in status CLOSED does not accept 'extend'.");
        assertThat(Messages.text(Languages.VIETNAMESE, "case.transition", "CLOSED", "extend"))
                .isEqualTo("Vụ việc đang ở trạng thái CLOSED không thực hiện được thao tác “extend”.");
    }
}

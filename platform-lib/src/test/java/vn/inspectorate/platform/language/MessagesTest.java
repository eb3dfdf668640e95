package vn.inspectorate.platform.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.inspectorate.testsupport.BundleFiles;

class MessagesTest {

    @Test
    void everyPlatformKeyIsInBothLanguages() {
        BundleFiles.assertSameKeys("platform-messages");
    }

    @Test
    void vietnameseIsTheBaseAndEnglishItsVariant() {
        assertThat(Messages.text(Languages.VIETNAMESE, "problem.not-found.title")).isEqualTo("Không tìm thấy");
        assertThat(Messages.text(Languages.ENGLISH, "problem.not-found.title")).isEqualTo("Not found");
    }

    @Test
    void argumentsAndPluralsAreFormattedPerLanguage() {
        assertThat(Messages.text(Languages.ENGLISH, "problem.invalid-request.fields", 1))
                .isEqualTo("The request has 1 invalid field.");
        assertThat(Messages.text(Languages.ENGLISH, "problem.invalid-request.fields", 3))
                .isEqualTo("The request has 3 invalid fields.");
        assertThat(Messages.text(Languages.VIETNAMESE, "problem.invalid-request.fields", 3))
                .isEqualTo("Yêu cầu có 3 trường không hợp lệ.");
        assertThat(Messages.text(Languages.ENGLISH, "problem.unknown-field.detail", "colour"))
                .isEqualTo("The field 'colour' is not part of this request.");
    }

    @Test
    void anUnknownKeyIsAnsweredByItselfNotAnException() {
        assertThat(Messages.find(Languages.VIETNAMESE, "no.such.key")).isEmpty();
        assertThat(Messages.text(Languages.VIETNAMESE, "no.such.key")).isEqualTo("no.such.key");
    }
}

package vn.inspectorate.platform.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void vietnameseWhenTheRequestSaysNothingOrAsksForNeither() {
        assertThat(Languages.negotiate(null)).isEqualTo(Languages.VIETNAMESE);
        assertThat(Languages.negotiate("")).isEqualTo(Languages.VIETNAMESE);
        assertThat(Languages.negotiate("fr-FR, de;q=0.5")).isEqualTo(Languages.VIETNAMESE);
        assertThat(Languages.negotiate("*")).isEqualTo(Languages.VIETNAMESE);
        assertThat(Languages.negotiate(";;;not a header")).isEqualTo(Languages.VIETNAMESE);
    }

    @Test
    void englishForAnyEnglishTag() {
        assertThat(Languages.negotiate("en")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.negotiate("en-GB")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.negotiate("fr, en-US;q=0.8")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.negotiate("vi-VN")).isEqualTo(Languages.VIETNAMESE);
    }

    @Test
    void theHigherQValueWinsWhateverTheOrder() {
        assertThat(Languages.negotiate("vi;q=0.4, en;q=0.9")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.negotiate("en;q=0.4, vi")).isEqualTo(Languages.VIETNAMESE);
        assertThat(Languages.negotiate("en;q=0, fr")).isEqualTo(Languages.VIETNAMESE);
        assertThat(Languages.negotiate("en, vi")).isEqualTo(Languages.ENGLISH);
    }

    @Test
    void contentLanguageTag() {
        assertThat(Languages.tag(Languages.negotiate("en-AU"))).isEqualTo("en");
        assertThat(Languages.tag(Languages.negotiate(null))).isEqualTo("vi");
    }
}

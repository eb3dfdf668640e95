package vn.inspectorate.reporting.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.language.Messages;
import vn.inspectorate.reporting.figures.Figure;
import vn.inspectorate.reporting.figures.FigureChange;
import vn.inspectorate.testsupport.BundleFiles;

/** Every text of the service is in both languages; a new figure or catalogue change needs its two lines. */
class ReportBundlesTest {

    @Test
    void everyKeyIsInBothLanguages() {
        BundleFiles.assertSameKeys("messages");
    }

    @Test
    void everyFigureHasItsLabelInBothLanguages() {
        assertThat(Arrays.stream(Figure.values()).map(f -> "figure." + f.code()))
                .allSatisfy(key -> {
                    assertThat(Messages.pattern(Languages.VIETNAMESE, key)).as(key).isPresent();
                    assertThat(Messages.pattern(Languages.ENGLISH, key)).as(key).isPresent();
                });
        // English labels are the catalogue's own
        assertThat(Arrays.stream(Figure.values()))
                .allSatisfy(f -> assertThat(ReportLabels.figure(f, Languages.ENGLISH)).isEqualTo(f.label()));
    }

    @Test
    void everyUnitAndCatalogueChangeIsWorded() {
        assertThat(Arrays.stream(Figure.Unit.values()).map(u -> "unit." + u.name()))
                .allSatisfy(key -> assertThat(Messages.pattern(Languages.VIETNAMESE, key)).as(key).isPresent());
        assertThat(FigureChange.ALL.stream().map(c -> "change." + c.on()))
                .allSatisfy(key -> assertThat(Messages.pattern(Languages.VIETNAMESE, key)).as(key).isPresent());
    }
}

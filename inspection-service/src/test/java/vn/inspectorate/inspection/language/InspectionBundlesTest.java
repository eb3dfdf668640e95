package vn.inspectorate.inspection.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.inspectorate.inspection.inspections.InspectionStatus;
import vn.inspectorate.inspection.plans.PlanStatus;
import vn.inspectorate.inspection.plans.PlannedInspection;
import vn.inspectorate.inspection.reference.ReferenceAdminApi.BodyLevel;
import vn.inspectorate.platform.language.Languages;
import vn.inspectorate.platform.language.Messages;
import vn.inspectorate.testsupport.BundleFiles;

/** Every text of the service is in both languages; a new status or level needs its words in both. */
class InspectionBundlesTest {

    @Test
    void everyKeyIsInBothLanguages() {
        BundleFiles.assertSameKeys("messages");
    }

    @Test
    void everyStatusAndLevelNamedInAProblemIsWorded() {
        Stream<String> keys = Stream.of(
                Arrays.stream(InspectionStatus.values()).map(s -> "inspection.status." + s.name()),
                Arrays.stream(PlanStatus.values()).map(s -> "plan.state." + s.name()),
                Stream.of(PlannedInspection.PLANNED, PlannedInspection.OPENED, PlannedInspection.WITHDRAWN)
                        .map(s -> "plan.item-status." + s),
                Arrays.stream(BodyLevel.values()).map(l -> "body.level." + l.name())).flatMap(s -> s);
        assertThat(keys).allSatisfy(key -> {
            assertThat(Messages.pattern(Languages.VIETNAMESE, key)).as(key).isPresent();
            assertThat(Messages.pattern(Languages.ENGLISH, key)).as(key).isPresent();
        });
    }

    @Test
    void englishKeepsTheWordsTheApiAlwaysAnsweredWith() {
        assertThat(Messages.text(Languages.ENGLISH, "plan.status.amend", "draft"))
                .isEqualTo("Cannot amend a plan that is draft. Only an approved plan can be amended; a draft is edited.");
        // numbers as the English texts always wrote them: no grouping
        assertThat(Messages.text(Languages.ENGLISH, "inspection.extension-too-long.error", 3650))
                .isEqualTo("must be at most 3650");
        assertThat(Messages.text(Languages.ENGLISH, "follow-up.over-recovered-vnd.error", 12_500_000L))
                .isEqualTo("exceeds the 12500000 VND still to recover");
        assertThat(Messages.text(Languages.VIETNAMESE, "follow-up.over-recovered-vnd.error", 12_500_000L))
                .isEqualTo("vượt quá số tiền còn phải thu hồi (12.500.000 đồng)");
    }
}

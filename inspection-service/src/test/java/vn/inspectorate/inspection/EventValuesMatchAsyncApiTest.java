package vn.inspectorate.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.inspectorate.inspection.inspections.InspectionType;
import vn.inspectorate.inspection.overlaps.OverlapConflict;
import vn.inspectorate.testsupport.AsyncApiSchemas;

/** The AsyncAPI document lists exactly the coded values this service can write into its events. */
class EventValuesMatchAsyncApiTest {

    @Test
    void everyInspectionTypeIsListed() {
        List<String> types = Arrays.stream(InspectionType.values()).map(Enum::name).toList();
        for (String schema : List.of("InspectionOpened", "InspectionConcluded", "PublicInspectionConcluded")) {
            assertThat(AsyncApiSchemas.enumValues(schema, "inspectionType")).as(schema + ".inspectionType")
                    .containsExactlyInAnyOrderElementsOf(types);
        }
    }

    @Test
    void everyCombinationOfOverlapRulesIsListed() {
        // the event names the distinct rules broken, sorted and comma-separated
        assertThat(AsyncApiSchemas.enumValues("InspectionOverlapDetected", "rule")).containsExactlyInAnyOrder(
                OverlapConflict.ENTERPRISE_ONCE_A_YEAR, OverlapConflict.SAME_SUBJECT,
                OverlapConflict.ENTERPRISE_ONCE_A_YEAR + "," + OverlapConflict.SAME_SUBJECT);
    }
}

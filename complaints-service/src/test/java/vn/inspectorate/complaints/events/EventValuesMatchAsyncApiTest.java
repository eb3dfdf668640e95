package vn.inspectorate.complaints.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.inspectorate.complaints.cases.CaseCommands;
import vn.inspectorate.complaints.cases.CaseKind;
import vn.inspectorate.complaints.cases.CaseLinks;
import vn.inspectorate.complaints.cases.CaseStatus;
import vn.inspectorate.complaints.cases.Channel;
import vn.inspectorate.testsupport.AsyncApiSchemas;

/** The AsyncAPI document lists exactly the coded values this service can write into its events. */
class EventValuesMatchAsyncApiTest {

    @Test
    void everyStatusKindAndChannelTheServiceWritesIsListed() {
        assertThat(AsyncApiSchemas.enumValues("PublicCaseStatusChanged", "status"))
                .containsExactlyInAnyOrderElementsOf(names(CaseStatus.values()));
        for (String schema : List.of("CaseClassified", "CaseAccepted", "CaseRejected", "CaseResolved",
                "PublicCaseStatusChanged")) {
            assertThat(AsyncApiSchemas.enumValues(schema, "kind")).as(schema + ".kind")
                    .containsExactlyInAnyOrderElementsOf(names(CaseKind.values()));
        }
        assertThat(AsyncApiSchemas.enumValues("CaseReceived", "channel"))
                .containsExactlyInAnyOrderElementsOf(names(Channel.values()));
    }

    @Test
    void everyCodedReasonTheServiceWritesIsListed() {
        assertThat(AsyncApiSchemas.enumValues("CaseRejected", "reasonCode"))
                .containsExactlyInAnyOrderElementsOf(names(CaseCommands.NotAcceptedReason.values()));
        assertThat(AsyncApiSchemas.enumValues("CaseExtended", "reasonCode"))
                .containsExactlyInAnyOrderElementsOf(names(CaseCommands.ExtensionReason.values()));
        assertThat(AsyncApiSchemas.enumValues("CaseClosed", "closureReason"))
                .containsExactlyInAnyOrderElementsOf(names(CaseCommands.ClosureReason.values()));
        assertThat(AsyncApiSchemas.enumValues("CaseLinked", "links", "linkKind"))
                .containsExactlyInAnyOrderElementsOf(CaseLinks.KINDS);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}

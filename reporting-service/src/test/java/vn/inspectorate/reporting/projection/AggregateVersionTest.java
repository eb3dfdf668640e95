package vn.inspectorate.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.EventCatalog;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.cases.CaseLinked;
import vn.inspectorate.contracts.inspections.InspectionPlanApproved;

/** Every event type of the projected topics names its record, so none is skipped by being forgotten here. */
class AggregateVersionTest {

    @Test
    void everyProjectedEventTypeIsNamed() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        UUID id = UUID.randomUUID();
        var projected = Stream.of(Topics.CASES, Topics.INSPECTIONS, Topics.DECLARATIONS)
                .flatMap(topic -> EventCatalog.onTopic(topic).stream()).toList();
        assertThat(projected).hasSizeGreaterThan(20);
        for (EventCatalog.Entry entry : projected) {
            String idField = switch (entry.topic()) {
                // a link between two cases is a record of its own
                case Topics.CASES -> entry.payloadType() == CaseLinked.class ? "linkId" : "caseId";
                case Topics.INSPECTIONS -> "inspectionId";
                default -> "declarationId";
            };
            Record payload = mapper.readValue("{\"" + idField + "\":\"" + id + "\",\"version\":3}",
                    entry.payloadType());
            AggregateVersion at = AggregateVersion.of(payload);
            if (entry.payloadType() == InspectionPlanApproved.class) {
                assertThat(at.id()).as(entry.type()).isNull();
            } else {
                assertThat(at).as(entry.type()).isEqualTo(new AggregateVersion(id, 3));
            }
        }
    }
}

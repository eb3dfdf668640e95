package vn.inspectorate.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.inspectorate.contracts.CloudEvent;

/** Reading records as CloudEvents: what cannot be read, or does not fit its payload record, is poison. */
@QuarkusTest
class EventInboxTest {

    @Inject
    EventInbox inbox;

    @Inject
    ObjectMapper mapper;

    record Probed(int n) {
    }

    @Test
    void aCloudEventIsReadWithItsDataAsThePayloadRecord() throws Exception {
        String record = mapper.writeValueAsString(CloudEvent.of("/inspectorate/test", "vn.inspectorate.test.probed.v1",
                "agg-1", OffsetDateTime.now(), Map.of("n", 7)));
        var event = inbox.parse(record);
        assertThat(event.type()).isEqualTo("vn.inspectorate.test.probed.v1");
        assertThat(inbox.payload(event, Probed.class).n()).isEqualTo(7);
    }

    /** CloudEvents 1.0 consumers accept extension attributes; a payload field added by a producer is ignored. */
    @Test
    void extensionAttributesAndAddedPayloadFieldsAreAccepted() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String record = """
                {"specversion":"1.0","id":"%s","source":"/s","type":"t","traceparent":"%s","partitionkey":"agg-1",
                 "comexampleextension":{"any":["shape"]},"data":{"n":7,"addedLater":"x","nested":{"deep":1}}}"""
                .formatted(UUID.randomUUID(), traceparent);
        var event = inbox.parse(record);
        assertThat(event.traceparent()).isEqualTo(traceparent);
        assertThat(inbox.payload(event, Probed.class).n()).isEqualTo(7);
    }

    record Grown(String code, int count, boolean flagged, long total) {
    }

    /** An event kept from before a field existed lacks it: a flag or number reads as false or 0, not as poison. */
    @Test
    void fieldsAnOlderProducerDidNotWriteReadAsAbsent() {
        String record = """
                {"specversion":"1.0","id":"%s","source":"/s","type":"t","data":{"code":"X"}}"""
                .formatted(UUID.randomUUID());
        Grown grown = inbox.payload(inbox.parse(record), Grown.class);
        assertThat(grown).isEqualTo(new Grown("X", 0, false, 0L));

        assertThat(inbox.payload("kept t v1", mapper.createObjectNode().put("count", 3), Grown.class))
                .isEqualTo(new Grown(null, 3, false, 0L));
    }

    /** Tolerance is the inbox's own: the platform's mapper, which REST requests go through, stays strict. */
    @Test
    void theRestMapperStillRefusesUnknownFields() {
        assertThatThrownBy(() -> mapper.readValue("{\"n\":7,\"addedLater\":\"x\"}", Probed.class))
                .hasMessageContaining("addedLater");
        assertThatThrownBy(() -> mapper.readValue("{\"code\":\"X\"}", Grown.class))
                .hasMessageContaining("count");
    }

    @Test
    void recordThatIsNotJsonIsPoison() {
        assertThatThrownBy(() -> inbox.parse("this is not json")).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> inbox.parse("")).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> inbox.parse("{\"id\":\"x\"}")).isInstanceOf(PoisonEventException.class);
    }

    @Test
    void eventWithoutDataIsPoison() {
        String record = """
                {"specversion":"1.0","id":"%s","source":"/s","type":"t"}""".formatted(UUID.randomUUID());
        assertThatThrownBy(() -> inbox.parse(record)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("no data");
    }

    @Test
    void dataThatDoesNotFitThePayloadIsPoison() throws Exception {
        String record = mapper.writeValueAsString(CloudEvent.of("/inspectorate/test", "vn.inspectorate.test.probed.v1",
                "agg-1", OffsetDateTime.now(), Map.of("n", "seven")));
        var event = inbox.parse(record);
        assertThatThrownBy(() -> inbox.payload(event, Probed.class)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("does not match Probed");
    }
}

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

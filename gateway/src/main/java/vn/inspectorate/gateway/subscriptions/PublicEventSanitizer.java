package vn.inspectorate.gateway.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.inspectorate.platform.inbox.PoisonEventException;

/**
 * The gateway's own check that nothing personal leaves for a partner: the payload is cut down to the fields of the
 * public record (which the contract tests hold to the AsyncAPI schema) and must then read as that record. A field the
 * schema does not know is dropped and logged by name, never by value.
 */
@ApplicationScoped
public class PublicEventSanitizer {

    private static final Logger LOG = Logger.getLogger(PublicEventSanitizer.class);

    /** The field names of each public record, read once per type. */
    private static final ClassValue<Set<String>> FIELDS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toUnmodifiableSet());
        }
    };

    private final ObjectMapper mapper;

    PublicEventSanitizer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A payload cut down to its public record: as JSON for the partner, and as the record it reads as. */
    public record Sanitized(JsonNode data, Record payload) {
    }

    public Sanitized sanitize(String eventId, JsonNode data, Class<? extends Record> payloadType) {
        if (!(data instanceof ObjectNode object)) {
            throw new PoisonEventException("public event " + eventId + " has no object payload");
        }
        Set<String> known = FIELDS.get(payloadType);
        var unknown = object.properties().stream().map(e -> e.getKey()).filter(name -> !known.contains(name)).toList();
        ObjectNode kept = object;
        if (!unknown.isEmpty()) {
            LOG.warnf("public event %s carried fields outside the %s schema, dropped: %s", eventId,
                    payloadType.getSimpleName(), unknown);
            kept = object.deepCopy();
            kept.remove(unknown);
        }
        try {
            Record payload = mapper.treeToValue(kept, payloadType);
            return new Sanitized(mapper.valueToTree(payload), payload);
        } catch (Exception e) {
            throw new PoisonEventException("public event " + eventId + " does not fit " + payloadType.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }
}

package vn.inspectorate.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;

/** One event of an aggregate as kept by the projection: folds read them in version order. */
public record StoredEvent(long version, String type, JsonNode data) {
}

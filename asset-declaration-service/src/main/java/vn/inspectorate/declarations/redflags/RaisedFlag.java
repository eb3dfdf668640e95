package vn.inspectorate.declarations.redflags;

import java.util.Map;

/** A flag a rule raised: which rule (id and version), its weight, and the figures that raised it. */
public record RaisedFlag(String ruleId, int ruleVersion, int weight, Map<String, Object> figures) {
}

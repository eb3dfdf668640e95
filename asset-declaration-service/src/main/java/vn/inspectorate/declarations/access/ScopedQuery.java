package vn.inspectorate.declarations.access;

import java.util.HashMap;
import java.util.Map;

/**
 * A Panache query of optional equality filters, kept inside the caller's reach by {@link DeclarationAccess}. The
 * entity fields and parameter names are the calling store's constants; values are only ever bound.
 */
public final class ScopedQuery {

    private final StringBuilder query = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code field = :name} when {@code value} is given. */
    public ScopedQuery where(String field, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(name);
            params.put(name, value);
        }
        return this;
    }

    /** Keeps the rows the caller may reach, over the entity fields {@code agencyCode} and {@code provinceCode}. */
    public ScopedQuery within(DeclarationAccess scope) {
        String condition = scope.listCondition();
        if (condition != null) {
            query.append(" and ").append(condition);
            scope.bind(condition, params);
        }
        return this;
    }

    /** Adds a condition over the calling store's constant fields, binding {@code values} under their names. */
    public ScopedQuery and(String condition, Map<String, Object> values) {
        query.append(" and ").append(condition);
        params.putAll(values);
        return this;
    }

    /** The query without an order, to count what it matches. */
    public String condition() {
        return query.toString();
    }

    public String orderedBy(String order) {
        return query + " order by " + order;
    }

    public Map<String, Object> params() {
        return params;
    }
}

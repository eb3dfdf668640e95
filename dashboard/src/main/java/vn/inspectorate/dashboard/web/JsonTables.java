package vn.inspectorate.dashboard.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Lists and records of the services shown as they come: one column per plain field of the items (numbers and dates
 * written for the reader), nested structures left to the record's own page. The pages add no values of their own.
 */
public final class JsonTables {

    private JsonTables() {
    }

    /**
     * A table of {@code items} with at most {@code maxColumns} plain fields; {@code link} gives a row's link (on its
     * first cell), or null for none.
     */
    public static Table of(String id, String caption, JsonNode items, Texts t, Formats fmt, int maxColumns,
            Function<JsonNode, String> link) {
        Set<String> fields = new LinkedHashSet<>();
        if (items != null) {
            for (JsonNode item : items) {
                for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getValue().isValueNode() && fields.size() < maxColumns) {
                        fields.add(field.getKey());
                    }
                }
            }
        }
        List<Table.Column> columns = new ArrayList<>();
        for (String field : fields) {
            columns.add(new Table.Column(t.field(field), false, null, null));
        }
        List<Table.Row> rows = new ArrayList<>();
        if (items != null) {
            for (JsonNode item : items) {
                List<Table.Cell> row = new ArrayList<>();
                String href = link == null ? null : link.apply(item);
                boolean first = true;
                for (String field : fields) {
                    Table.Cell cell = cell(field, item.get(field), fmt, t);
                    if (first && href != null) {
                        cell = Table.Cell.link(cell.text().isEmpty() ? t.get("record.open") : cell.text(), href);
                    }
                    row.add(cell);
                    first = false;
                }
                rows.add(new Table.Row(item.hasNonNull("id") ? item.get("id").asText() : null, row));
            }
        }
        return new Table(id, caption, columns, rows, null);
    }

    /** The plain fields of one record as a two-column table (field, value); nested lists as their own tables. */
    public static List<Table> record(JsonNode record, Texts t, Formats fmt) {
        List<Table> tables = new ArrayList<>();
        List<Table.Row> rows = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isValueNode()) {
                rows.add(new Table.Row(field.getKey(), List.of(Table.Cell.text(t.field(field.getKey())),
                        cell(field.getKey(), field.getValue(), fmt, t))));
            } else if (field.getValue().isArray() && !field.getValue().isEmpty()) {
                nested.add(field);
            } else if (field.getValue().isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> inner = field.getValue().fields(); inner.hasNext();) {
                    Map.Entry<String, JsonNode> sub = inner.next();
                    if (sub.getValue().isValueNode()) {
                        rows.add(new Table.Row(field.getKey() + "." + sub.getKey(), List.of(
                                Table.Cell.text(t.field(field.getKey()) + " – " + t.field(sub.getKey())),
                                cell(sub.getKey(), sub.getValue(), fmt, t))));
                    }
                }
            }
        }
        tables.add(new Table("record", t.get("record.fields"),
                List.of(Table.Column.text(t.get("record.field")), Table.Column.text(t.get("record.value"))), rows,
                null));
        for (Map.Entry<String, JsonNode> list : nested) {
            JsonNode items = list.getValue();
            if (items.get(0).isObject()) {
                tables.add(of("record-" + list.getKey(), t.field(list.getKey()), items, t, fmt, 8, null));
            } else {
                List<Table.Row> values = new ArrayList<>();
                items.forEach(v -> values.add(new Table.Row(null, List.of(cell(list.getKey(), v, fmt, t)))));
                tables.add(new Table("record-" + list.getKey(), t.field(list.getKey()),
                        List.of(Table.Column.text(t.field(list.getKey()))), values, null));
            }
        }
        return tables;
    }

    static Table.Cell cell(String name, JsonNode value, Formats fmt, Texts t) {
        if (value == null || value.isNull()) {
            return Table.Cell.text("–");
        }
        if (value.isIntegralNumber() && (name.equals("year") || name.endsWith("Year"))) {
            // a year is a name, not a quantity: 2026, never 2.026
            return Table.Cell.text(value.asText());
        }
        if (value.isIntegralNumber()) {
            return Table.Cell.number(fmt.number(value.asLong()), value.asLong(), null);
        }
        if (value.isNumber()) {
            return new Table.Cell(fmt.decimal(value.decimalValue()), null, true, value.asText());
        }
        if (value.isBoolean()) {
            return Table.Cell.text(t.get(value.asBoolean() ? "yes" : "no"));
        }
        return Table.Cell.text(fmt.isoText(value.asText()));
    }
}

package vn.inspectorate.reference;

import java.util.List;

/**
 * Which reference file fills which table: the file's columns mapped to the table's (with their SQL type), the table's
 * key for the upsert, and whether the table is emptied first.
 */
public record TableLoad(String file, String table, List<String> key, List<Column> columns, boolean replacing) {

    public TableLoad {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        List<String> tableColumns = columns.stream().map(Column::tableColumn).toList();
        if (!tableColumns.containsAll(key)) {
            throw new IllegalArgumentException("The key " + key + " of " + table + " is not among its loaded columns");
        }
    }

    /** Upserts the file's rows by {@code key}; rows not in the file stay. */
    public static TableLoad upsert(String file, String table, List<String> key, Column... columns) {
        return new TableLoad(file, table, key, List.of(columns), false);
    }

    /** Empties the table, then loads the file: for tables no other table references. */
    public static TableLoad replace(String file, String table, List<String> key, Column... columns) {
        return new TableLoad(file, table, key, List.of(columns), true);
    }

    /** A file column into a table column of the given SQL type (the value is cast from its text). */
    public record Column(String fileColumn, String tableColumn, String sqlType) {

        public static Column text(String name) {
            return new Column(name, name, "text");
        }

        public static Column date(String name) {
            return new Column(name, name, "date");
        }

        public Column into(String table) {
            return new Column(fileColumn, table, sqlType);
        }
    }
}

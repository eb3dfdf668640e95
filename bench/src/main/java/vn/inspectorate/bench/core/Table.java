package vn.inspectorate.bench.core;

import java.util.ArrayList;
import java.util.List;

/** A result table: named columns, rows of cells already formatted for reading. */
public final class Table {

    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... columns) {
        this.columns = List.of(columns);
    }

    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell instanceof Number n ? Figures.format(n.doubleValue()) : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return rows;
    }

    /** The table as Markdown with padded columns: readable in a terminal and pasteable into RESULTS.md. */
    public String render() {
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = Math.max(3, columns.get(i).length());
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, columns, width);
        out.append('|');
        for (int w : width) {
            out.append('-').append("-".repeat(w)).append("-|");
        }
        out.append('\n');
        rows.forEach(row -> line(out, row, width));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        out.append('|');
        for (int i = 0; i < width.length; i++) {
            out.append(' ').append(cells.get(i)).append(" ".repeat(width[i] - cells.get(i).length())).append(" |");
        }
        out.append('\n');
    }
}

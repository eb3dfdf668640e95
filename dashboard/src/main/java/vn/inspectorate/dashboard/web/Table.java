package vn.inspectorate.dashboard.web;

import java.util.List;

/**
 * A table of a page: a caption, column headings (a heading may be a link that sorts by it) and rows of cells. A table
 * with {@code chart} set is drawn as a chart too, from its own cells, so the chart and its data table never differ.
 */
public record Table(String id, String caption, List<Column> columns, List<Row> rows, String chart) {

    /** A row: its key (a figure's or record's name, for tests and links) and its cells. */
    public record Row(String key, List<Cell> cells) {
    }

    public record Column(String label, boolean numeric, String sortHref, String sort) {
        public static Column text(String label) {
            return new Column(label, false, null, null);
        }

        public static Column number(String label) {
            return new Column(label, true, null, null);
        }
    }

    /** A cell's text as written for the reader, an optional link, and its raw number for the chart. */
    public record Cell(String text, String href, boolean numeric, String value) {
        public static Cell text(String text) {
            return new Cell(text == null ? "" : text, null, false, null);
        }

        public static Cell link(String text, String href) {
            return new Cell(text, href, false, null);
        }

        public static Cell number(String text, long value, String href) {
            return new Cell(text, href, true, Long.toString(value));
        }
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    public boolean charted() {
        return chart != null && !rows.isEmpty();
    }
}

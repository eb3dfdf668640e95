package vn.inspectorate.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reference data file: CSV under {@code reference/} on the classpath. Lines starting with {@code #} are comments (the
 * sources and any uncertainty), blank lines are skipped, the first other line names the columns, and a field may be
 * quoted ({@code "a, b"}, with {@code ""} for a quote inside). An empty field is absent.
 */
public final class ReferenceFile {

    public static final String FOLDER = "reference/";

    private final String name;
    private final List<String> columns;
    private final List<Row> rows;

    private ReferenceFile(String name, List<String> columns, List<Row> rows) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads {@code reference/<name>} from the classpath that loaded this class. */
    public static ReferenceFile read(String name) {
        try (InputStream in = ReferenceFile.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No reference file " + FOLDER + name + " on the classpath");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference file " + name, e);
        }
    }

    /** Parses a file's text; {@code name} only names it in errors. */
    public static ReferenceFile parse(String name, String text) {
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                List<String> fields = split(line, name, lineNumber);
                if (columns == null) {
                    columns = List.copyOf(fields);
                    continue;
                }
                if (fields.size() != columns.size()) {
                    throw new IllegalStateException(name + " line " + lineNumber + ": " + fields.size()
                            + " fields where the header names " + columns.size());
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    values.put(columns.get(i), fields.get(i).isEmpty() ? null : fields.get(i));
                }
                rows.add(new Row(name, lineNumber, Collections.unmodifiableMap(values)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (columns == null) {
            throw new IllegalStateException(name + ": no header row");
        }
        return new ReferenceFile(name, columns, List.copyOf(rows));
    }

    private static List<String> split(String line, String name, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException(name + " line " + lineNumber + ": a quoted field is not closed");
        }
        fields.add(field.toString().strip());
        return fields;
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /** One data row; values by column name. */
    public record Row(String file, int line, Map<String, String> values) {

        /** The value of a column that must have one. */
        public String get(String column) {
            return optional(column).orElseThrow(() -> new IllegalStateException(
                    file + " line " + line + ": no value for " + column));
        }

        public Optional<String> optional(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalArgumentException(file + " has no column " + column);
            }
            return Optional.ofNullable(values.get(column));
        }

        public LocalDate date(String column) {
            return LocalDate.parse(get(column));
        }

        public Optional<LocalDate> optionalDate(String column) {
            return optional(column).map(LocalDate::parse);
        }
    }
}

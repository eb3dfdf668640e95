package vn.inspectorate.reporting.national;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.inspectorate.reporting.figures.FigureValue;
import vn.inspectorate.reporting.figures.ReportViews.ChangeView;
import vn.inspectorate.reporting.language.ReportLabels;

/**
 * Writes a report as CSV (RFC 4180) or XLSX (fastexcel): the headline table first, then every figure, then (when the
 * period holds any) the changes of the figure catalogue and the notes of figures not in force throughout the period
 * and of the "now" figures (when they were read). The report comes with its words in the reader's language
 * ({@code ReportLabels}); headers and sections are written in that language here. CSV is UTF-8 with a byte-order
 * mark by default, so that Excel reads Vietnamese as Vietnamese.
 */
public final class ReportFormats {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("section", "figure", "label", "unit", "value", "previous_value",
            "change_percent");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ReportFormats() {
    }

    /** The report as CSV in {@code language}, UTF-8, with a byte-order mark first when {@code bom}. */
    public static byte[] csv(NationalReport report, Locale language, boolean bom) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS.stream().map(c -> ReportLabels.text(language, "column." + c)).toList());
        rows(out, ReportLabels.text(language, "section.headline"), report.headline(), language);
        rows(out, ReportLabels.text(language, "section.figures"), report.figures(), language);
        for (NationalReport.ProvinceRow row : report.byProvince()) {
            String section = ReportLabels.text(language, "section.province", nullToEmpty(row.province()));
            row.values().forEach((figure, value) -> line(out, List.of(section, figure, nullToEmpty(row.name()), "",
                    Long.toString(value), "", "")));
        }
        for (ChangeView c : report.changes()) {
            line(out, List.of(ReportLabels.text(language, "section.change", ReportLabels.date(c.on(), language)),
                    String.join(" ", c.started()), c.detail(), "", "", "", ""));
        }
        for (FigureValue v : report.figures()) {
            if (v.note() != null) {
                line(out, List.of(ReportLabels.text(language, "section.note"), v.figure(), v.note(), "", "", "",
                        ""));
            }
        }
        for (NationalReport.Revision r : report.revisions()) {
            line(out, List.of(ReportLabels.text(language, "section.revision", r.periodKey()), r.figure(),
                    ReportLabels.text(language, "revision.published", Long.toString(r.publishedValue())), "",
                    Long.toString(r.currentValue()), Long.toString(r.publishedValue()), ""));
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return text;
        }
        byte[] marked = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, marked, 0, BOM.length);
        System.arraycopy(text, 0, marked, BOM.length, text.length);
        return marked;
    }

    /** The report as an XLSX workbook in {@code language}. */
    public static byte[] xlsx(NationalReport report, Locale language) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "inspectorate-reporting", "1.0");
            sheet(wb.newWorksheet(ReportLabels.text(language, "sheet.headline")), report, report.headline(), language);
            sheet(wb.newWorksheet(ReportLabels.text(language, "sheet.figures")), report, report.figures(), language);
            if (!report.byProvince().isEmpty()) {
                Worksheet ws = wb.newWorksheet(ReportLabels.text(language, "sheet.by-province"));
                ws.value(0, 0, ReportLabels.text(language, "column.province"));
                ws.value(0, 1, ReportLabels.text(language, "column.name"));
                List<String> columns = List.copyOf(report.byProvince().get(0).values().keySet());
                for (int c = 0; c < columns.size(); c++) {
                    ws.value(0, 2 + c, columns.get(c));
                }
                int r = 1;
                for (NationalReport.ProvinceRow row : report.byProvince()) {
                    ws.value(r, 0, nullToEmpty(row.province()));
                    ws.value(r, 1, nullToEmpty(row.name()));
                    for (int c = 0; c < columns.size(); c++) {
                        ws.value(r, 2 + c, row.values().getOrDefault(columns.get(c), 0L));
                    }
                    r++;
                }
            }
            List<FigureValue> noted = report.figures().stream().filter(v -> v.note() != null).toList();
            if (!report.changes().isEmpty() || !noted.isEmpty()) {
                Worksheet ws = wb.newWorksheet(ReportLabels.text(language, "sheet.changes"));
                ws.value(0, 0, ReportLabels.text(language, "column.from"));
                ws.value(0, 1, ReportLabels.text(language, "column.ended"));
                ws.value(0, 2, ReportLabels.text(language, "column.started"));
                ws.value(0, 3, ReportLabels.text(language, "column.detail"));
                int r = 1;
                for (ChangeView c : report.changes()) {
                    ws.value(r, 0, ReportLabels.date(c.on(), language));
                    ws.value(r, 1, String.join(" ", c.ended()));
                    ws.value(r, 2, String.join(" ", c.started()));
                    ws.value(r, 3, c.detail());
                    r++;
                }
                for (FigureValue v : noted) {
                    ws.value(r, 0, ReportLabels.text(language, "section.note"));
                    ws.value(r, 1, v.figure());
                    ws.value(r, 3, v.note());
                    r++;
                }
            }
            if (!report.revisions().isEmpty()) {
                Worksheet ws = wb.newWorksheet(ReportLabels.text(language, "sheet.revisions"));
                List<String> head = List.of("period", "figure", "published_value", "current_value");
                for (int c = 0; c < head.size(); c++) {
                    ws.value(0, c, ReportLabels.text(language, "column." + head.get(c)));
                }
                int r = 1;
                for (NationalReport.Revision rev : report.revisions()) {
                    ws.value(r, 0, rev.periodKey());
                    ws.value(r, 1, rev.figure());
                    ws.value(r, 2, rev.publishedValue());
                    ws.value(r, 3, rev.currentValue());
                    r++;
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Row 0 the title, row 1 the periods, row 3 the column names, values from row 4. */
    private static void sheet(Worksheet ws, NationalReport report, List<FigureValue> values, Locale language) {
        ws.value(0, 0, report.title());
        ws.value(1, 0, ReportLabels.periods(report, language));
        List<String> head = COLUMNS.subList(1, COLUMNS.size());
        for (int c = 0; c < head.size(); c++) {
            ws.value(3, c, ReportLabels.text(language, "column." + head.get(c)));
            ws.style(3, c).bold().set();
        }
        int r = 4;
        for (FigureValue v : values) {
            ws.value(r, 0, v.figure());
            ws.value(r, 1, v.label());
            ws.value(r, 2, ReportLabels.unit(v.unit(), language));
            ws.value(r, 3, v.value());
            if (v.previousValue() != null) {
                ws.value(r, 4, v.previousValue());
            }
            if (v.changePercent() != null) {
                ws.value(r, 5, v.changePercent());
            }
            r++;
        }
        ws.width(1, 45);
    }

    private static void rows(StringBuilder out, String section, List<FigureValue> values, Locale language) {
        for (FigureValue v : values) {
            line(out, List.of(section, v.figure(), v.label(), ReportLabels.unit(v.unit(), language),
                    Long.toString(v.value()),
                    v.previousValue() == null ? "" : Long.toString(v.previousValue()),
                    v.changePercent() == null ? "" : plain(v.changePercent())));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }
}

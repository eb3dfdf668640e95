package vn.inspectorate.reporting.national;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.inspectorate.reporting.figures.FigureValue;
import vn.inspectorate.reporting.figures.ReportViews.ChangeView;

/**
 * Writes a report as CSV (RFC 4180) or XLSX (fastexcel): the headline table first, then every figure, then (when the
 * period holds any) the changes of the figure catalogue and the notes of figures not in force throughout the period.
 */
public final class ReportFormats {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("section", "figure", "label", "unit", "value", "previous_value",
            "change_percent");

    private ReportFormats() {
    }

    public static byte[] csv(NationalReport report) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS);
        rows(out, "headline", report.headline());
        rows(out, "figures", report.figures());
        for (NationalReport.ProvinceRow row : report.byProvince()) {
            row.values().forEach((figure, value) -> line(out, List.of("province " + nullToEmpty(row.province()),
                    figure, nullToEmpty(row.name()), "", Long.toString(value), "", "")));
        }
        for (ChangeView c : report.changes()) {
            line(out, List.of("change " + c.on(), String.join(" ", c.started()), c.detail(), "", "", "", ""));
        }
        for (FigureValue v : report.figures()) {
            if (v.note() != null) {
                line(out, List.of("note", v.figure(), v.note(), "", "", "", ""));
            }
        }
        for (NationalReport.Revision r : report.revisions()) {
            line(out, List.of("revision " + r.periodKey(), r.figure(), "published " + r.publishedValue(), "",
                    Long.toString(r.currentValue()), Long.toString(r.publishedValue()), ""));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(NationalReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "inspectorate-reporting", "1.0");
            sheet(wb.newWorksheet("Headline"), report.title(), report, report.headline());
            sheet(wb.newWorksheet("Figures"), report.title(), report, report.figures());
            if (!report.byProvince().isEmpty()) {
                Worksheet ws = wb.newWorksheet("By province");
                ws.value(0, 0, "province");
                ws.value(0, 1, "name");
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
                Worksheet ws = wb.newWorksheet("Changes");
                ws.value(0, 0, "from");
                ws.value(0, 1, "ended");
                ws.value(0, 2, "started");
                ws.value(0, 3, "detail");
                int r = 1;
                for (ChangeView c : report.changes()) {
                    ws.value(r, 0, c.on().toString());
                    ws.value(r, 1, String.join(" ", c.ended()));
                    ws.value(r, 2, String.join(" ", c.started()));
                    ws.value(r, 3, c.detail());
                    r++;
                }
                for (FigureValue v : noted) {
                    ws.value(r, 0, "note");
                    ws.value(r, 1, v.figure());
                    ws.value(r, 3, v.note());
                    r++;
                }
            }
            if (!report.revisions().isEmpty()) {
                Worksheet ws = wb.newWorksheet("Revisions");
                List<String> head = List.of("period", "figure", "published_value", "current_value");
                for (int c = 0; c < head.size(); c++) {
                    ws.value(0, c, head.get(c));
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
    private static void sheet(Worksheet ws, String title, NationalReport report, List<FigureValue> values) {
        ws.value(0, 0, title);
        ws.value(1, 0, "Period " + report.period().start() + " to " + report.period().end()
                + "; compared with " + report.previousPeriod().start() + " to " + report.previousPeriod().end());
        List<String> head = COLUMNS.subList(1, COLUMNS.size());
        for (int c = 0; c < head.size(); c++) {
            ws.value(3, c, head.get(c));
            ws.style(3, c).bold().set();
        }
        int r = 4;
        for (FigureValue v : values) {
            ws.value(r, 0, v.figure());
            ws.value(r, 1, v.label());
            ws.value(r, 2, v.unit());
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

    private static void rows(StringBuilder out, String section, List<FigureValue> values) {
        for (FigureValue v : values) {
            line(out, List.of(section, v.figure(), v.label(), v.unit(), Long.toString(v.value()),
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

package vn.inspectorate.dashboard.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.inspectorate.dashboard.api.ApiAnswer;
import vn.inspectorate.dashboard.api.GatewayApi;
import vn.inspectorate.dashboard.web.Pages;
import vn.inspectorate.dashboard.web.Periods;
import vn.inspectorate.dashboard.web.Table;
import vn.inspectorate.dashboard.web.Texts;

/**
 * The reporting API's figures: the overview of a period against the same period a year before, a figure's trend over
 * months or quarters, and its breakdown by province. Every number is the API's, unchanged; each links to its records.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class FigurePages {

    private final GatewayApi api;
    private final Pages pages;

    FigurePages(GatewayApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GET
    public TemplateInstance overview(@QueryParam("period") String period, @QueryParam("calendar") String calendar,
            @QueryParam("province") String province) {
        Texts t = pages.t();
        Scope scope = scope(period, calendar, province);
        ApiAnswer summary = api.get("/api/v1/reports/summary", Queries.of("period", scope.period, "calendar",
                scope.calendar, "province", scope.province));
        List<Table.Row> rows = new ArrayList<>();
        String intro = t.format("overview.intro", Periods.label(scope.period, t));
        if (summary.ok()) {
            for (JsonNode f : summary.body().path("figures")) {
                String figure = f.path("figure").asText();
                String unit = f.path("unit").asText();
                long value = f.path("value").asLong();
                JsonNode previous = f.get("previousValue");
                Double change = f.hasNonNull("changePercent") ? f.get("changePercent").asDouble() : null;
                List<Table.Cell> cells = new ArrayList<>();
                cells.add(Table.Cell.link(f.path("label").asText(figure), trendsHref(figure, scope)));
                cells.add(Table.Cell.number(pages.fmt().amount(value, unit), value, drillHref(figure, scope)));
                cells.add(previous == null || previous.isNull() ? Table.Cell.text("–")
                        : Table.Cell.number(pages.fmt().amount(previous.asLong(), unit), previous.asLong(), null));
                cells.add(Table.Cell.text(pages.fmt().change(change)));
                rows.add(new Table.Row(figure, cells));
            }
            JsonNode previousPeriod = summary.body().path("previousPeriod");
            intro = t.format("overview.intro.compared", Periods.label(scope.period, t),
                    Periods.label(previousPeriod.path("key").asText(null), t),
                    t.get("calendar." + scope.calendar));
        } else {
            summary.problem().ifPresent(pages::problem);
        }
        Table table = new Table("figures", t.get("overview.caption"), List.of(
                Table.Column.text(t.get("figure")), Table.Column.number(t.get("overview.value")),
                Table.Column.number(t.get("overview.previous")), Table.Column.number(t.get("overview.change"))),
                rows, null);
        return Templates.figures(pages.page("overview.title", "overview"), intro,
                filters(scope, false, null, null, null), List.of(table), List.of());
    }

    @GET
    @Path("trends")
    public TemplateInstance trends(@QueryParam("figure") String figure, @QueryParam("period") String period,
            @QueryParam("calendar") String calendar, @QueryParam("province") String province,
            @QueryParam("granularity") String granularity) {
        Texts t = pages.t();
        Scope scope = scope(period == null ? Periods.thisYear() : period, calendar, province);
        String fig = figure == null || figure.isBlank() ? "cases.received" : figure;
        String grain = "quarter".equals(granularity) ? "quarter" : "month";
        ApiAnswer series = api.get("/api/v1/reports/series", Queries.of("figure", fig, "period", scope.period,
                "calendar", scope.calendar, "province", scope.province, "granularity", grain));
        List<Table.Row> rows = new ArrayList<>();
        String caption = t.get("trends.caption");
        if (series.ok()) {
            String unit = series.body().path("unit").asText();
            caption = t.format("trends.caption.of", series.body().path("label").asText(fig),
                    Periods.label(scope.period, t));
            for (JsonNode p : series.body().path("points")) {
                long value = p.path("value").asLong();
                JsonNode previous = p.get("previousValue");
                String key = p.path("period").path("key").asText();
                Scope point = new Scope(key, scope.calendar, scope.province);
                rows.add(new Table.Row(key, List.of(Table.Cell.text(Periods.label(key, t)),
                        Table.Cell.number(pages.fmt().amount(value, unit), value, drillHref(fig, point)),
                        previous == null || previous.isNull() ? Table.Cell.text("–")
                                : Table.Cell.number(pages.fmt().amount(previous.asLong(), unit), previous.asLong(),
                                        null))));
            }
        } else {
            series.problem().ifPresent(pages::problem);
        }
        Table table = new Table("series", caption, List.of(Table.Column.text(t.get("period")),
                Table.Column.number(t.get("trends.value")), Table.Column.number(t.get("trends.previous"))), rows,
                "line");
        return Templates.figures(pages.page("trends.title", "trends"), t.get("trends.intro"),
                filters(scope, true, grain, null, fig), List.of(table), List.of());
    }

    @GET
    @Path("provinces")
    public TemplateInstance provinces(@QueryParam("figure") String figure, @QueryParam("period") String period,
            @QueryParam("calendar") String calendar, @QueryParam("units") String units,
            @QueryParam("sort") String sort) {
        Texts t = pages.t();
        Scope scope = scope(period, calendar, null);
        String fig = figure == null || figure.isBlank() ? "cases.received" : figure;
        String unitMode = "current".equals(units) ? "current" : "filed";
        ApiAnswer breakdown = api.get("/api/v1/reports/breakdown", Queries.of("figure", fig, "by", "province",
                "period", scope.period, "calendar", scope.calendar, "units", unitMode));
        List<Table.Row> rows = new ArrayList<>();
        String caption = t.get("provinces.caption");
        if (breakdown.ok()) {
            caption = t.format("provinces.caption.of", breakdown.body().path("label").asText(fig),
                    Periods.label(scope.period, t));
            List<JsonNode> items = new ArrayList<>();
            breakdown.body().path("rows").forEach(items::add);
            Comparator<JsonNode> byName = Comparator.comparing(r -> r.path("name").asText(r.path("key").asText("")));
            items.sort("value".equals(sort)
                    ? Comparator.comparingLong((JsonNode r) -> r.path("value").asLong()).reversed().thenComparing(byName)
                    : byName);
            for (JsonNode r : items) {
                long value = r.path("value").asLong();
                String key = r.path("key").asText(null);
                JsonNode previous = r.get("previousValue");
                Scope row = new Scope(scope.period, scope.calendar, key);
                rows.add(new Table.Row(key, List.of(Table.Cell.text(r.path("name").asText(key)),
                        Table.Cell.number(pages.fmt().number(value), value, key == null ? null : drillHref(fig, row)),
                        previous == null || previous.isNull() ? Table.Cell.text("–")
                                : Table.Cell.number(pages.fmt().number(previous.asLong()), previous.asLong(), null),
                        Table.Cell.text(pages.fmt().change(r.hasNonNull("changePercent")
                                ? r.get("changePercent").asDouble() : null)))));
            }
        } else {
            breakdown.problem().ifPresent(pages::problem);
        }
        String nameSort = "value".equals(sort) ? null : "ascending";
        Table table = new Table("provinces", caption, List.of(
                new Table.Column(t.get("province"), false, pages.sameWith("sort", "name"), nameSort),
                new Table.Column(t.get("overview.value"), true, pages.sameWith("sort", "value"),
                        "value".equals(sort) ? "descending" : null),
                Table.Column.number(t.get("overview.previous")), Table.Column.number(t.get("overview.change"))),
                rows, "bar");
        Filters filters = filters(scope, true, null, unitMode, fig);
        return Templates.figures(pages.page("provinces.title", "provinces"), t.get("provinces.intro"), filters,
                List.of(table), List.of());
    }

    /** The period, calendar and province of a figures page; a provincial user's province is their own. */
    record Scope(String period, String calendar, String province) {
    }

    private Scope scope(String period, String calendar, String province) {
        Optional<String> own = pages.user().province();
        String p = own.orElse(province == null || province.isBlank() ? null : province);
        return new Scope(Periods.valid(period), "sector".equals(calendar) ? "sector" : "calendar", p);
    }

    static String drillHref(String figure, Scope scope) {
        return "/dashboard/records?figure=" + Pages.enc(figure) + "&period=" + Pages.enc(scope.period)
                + "&calendar=" + scope.calendar + (scope.province == null ? "" : "&province=" + Pages.enc(scope.province));
    }

    private static String trendsHref(String figure, Scope scope) {
        return "/dashboard/trends?figure=" + Pages.enc(figure) + "&period=" + Pages.enc(scope.period.substring(0, 4))
                + "&calendar=" + scope.calendar + (scope.province == null ? "" : "&province=" + Pages.enc(scope.province));
    }

    private Filters filters(Scope scope, boolean figure, String grain, String unitMode, String selectedFigure) {
        Texts t = pages.t();
        List<Filters.Field> fields = new ArrayList<>();
        if (figure) {
            ApiAnswer catalogue = api.get("/api/v1/reports/figures", Map.of());
            List<Periods.Option> options = new ArrayList<>();
            if (catalogue.ok()) {
                catalogue.body().forEach(f -> options.add(new Periods.Option(f.path("figure").asText(),
                        f.path("label").asText(), f.path("figure").asText().equals(selectedFigure))));
            } else {
                catalogue.problem().ifPresent(pages::problem);
            }
            fields.add(new Filters.Field("figure", t.get("figure"), options));
        }
        fields.add(new Filters.Field("period", t.get("period"), Periods.options(scope.period, t)));
        fields.add(new Filters.Field("calendar", t.get("calendar"), List.of(
                new Periods.Option("calendar", t.get("calendar.calendar"), "calendar".equals(scope.calendar)),
                new Periods.Option("sector", t.get("calendar.sector"), "sector".equals(scope.calendar)))));
        if (grain != null) {
            fields.add(new Filters.Field("granularity", t.get("granularity"), List.of(
                    new Periods.Option("month", t.get("granularity.month"), "month".equals(grain)),
                    new Periods.Option("quarter", t.get("granularity.quarter"), "quarter".equals(grain)))));
        }
        if (unitMode != null) {
            fields.add(new Filters.Field("units", t.get("units"), List.of(
                    new Periods.Option("filed", t.get("units.filed"), "filed".equals(unitMode)),
                    new Periods.Option("current", t.get("units.current"), "current".equals(unitMode)))));
        }
        if (unitMode == null && pages.user().central()) {
            ApiAnswer provinces = api.get("/api/v1/administrative-units", Map.of());
            List<Periods.Option> options = new ArrayList<>();
            options.add(new Periods.Option("", t.get("province.all"), scope.province == null));
            if (provinces.ok()) {
                provinces.body().forEach(u -> options.add(new Periods.Option(u.path("code").asText(),
                        u.path("name").asText(), u.path("code").asText().equals(scope.province))));
            } else {
                provinces.problem().ifPresent(pages::problem);
            }
            fields.add(new Filters.Field("province", t.get("province"), options));
        }
        return new Filters(fields);
    }
}

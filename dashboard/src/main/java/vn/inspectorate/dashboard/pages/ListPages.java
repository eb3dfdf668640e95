package vn.inspectorate.dashboard.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.inspectorate.dashboard.api.ApiAnswer;
import vn.inspectorate.dashboard.api.GatewayApi;
import vn.inspectorate.dashboard.web.JsonTables;
import vn.inspectorate.dashboard.web.Pages;
import vn.inspectorate.dashboard.web.Periods;
import vn.inspectorate.dashboard.web.Table;
import vn.inspectorate.dashboard.web.Texts;

/**
 * The lists people follow up: prolonged cases on the watchlist, inspections over their time and recommendations past
 * their due date, flagged declarations and verification (asset controllers only), and the published reports with
 * their revisions and downloads.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ListPages {

    private final GatewayApi api;
    private final Pages pages;

    ListPages(GatewayApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GET
    @Path("watchlist")
    public TemplateInstance watchlist() {
        Texts t = pages.t();
        ApiAnswer answer = api.get("/api/v1/watchlist/without-progress", Queries.of("size", "100"));
        Table table = table(answer, "watchlist", t.get("watchlist.caption"),
                item -> "/dashboard/records/cases/" + item.path("caseId").asText());
        return Templates.figures(pages.page("watchlist.title", "watchlist"), t.get("watchlist.intro"), null,
                List.of(table), List.of());
    }

    @GET
    @Path("inspections")
    public TemplateInstance inspections() {
        Texts t = pages.t();
        ApiAnswer overruns = api.get("/api/v1/inspections", Queries.of("overrun", "true", "size", "50"));
        ApiAnswer overdue = api.get("/api/v1/follow-ups/overdue", Queries.of("size", "50"));
        List<Table> tables = List.of(
                table(overruns, "overruns", t.get("inspections.overruns"),
                        item -> "/dashboard/records/inspections/" + item.path("id").asText()),
                table(overdue, "overdue", t.get("inspections.overdue"),
                        item -> item.hasNonNull("inspectionId")
                                ? "/dashboard/records/inspections/" + item.path("inspectionId").asText() : null));
        return Templates.figures(pages.page("inspections.title", "inspections"), t.get("inspections.intro"), null,
                tables, List.of());
    }

    @GET
    @Path("declarations")
    public Response declarations() {
        Texts t = pages.t();
        if (!pages.user().assetController()) {
            return Response.status(404).entity(Templates.notFound(pages.page("notfound.title", ""))).build();
        }
        ApiAnswer declarations = api.get("/api/v1/declarations", Queries.of("size", "50"));
        Table table = table(declarations, "declarations", t.get("declarations.caption"),
                item -> "/dashboard/records/declarations/" + item.path("id").asText());
        return Response.ok(Templates.figures(pages.page("declarations.title", "declarations"),
                t.get("declarations.intro"), null, List.of(table), List.of())).build();
    }

    @GET
    @Path("reports")
    public TemplateInstance reports(@QueryParam("period") String period, @QueryParam("calendar") String calendar) {
        Texts t = pages.t();
        ApiAnswer published = api.get("/api/v1/reports/publications", Queries.of("size", "50"));
        List<Table.Row> rows = new ArrayList<>();
        if (published.ok()) {
            for (JsonNode r : published.body().path("items")) {
                String id = r.path("snapshotId").asText();
                String scope = r.hasNonNull("scopeCode") ? r.get("scopeCode").asText() : t.get("reports.national");
                rows.add(new Table.Row(id, List.of(
                        Table.Cell.link(Periods.label(r.path("periodKey").asText(), t), "/dashboard/reports/" + id),
                        Table.Cell.text(t.get("calendar." + r.path("calendar").asText("calendar").toLowerCase())),
                        Table.Cell.text(scope),
                        Table.Cell.text(pages.fmt().isoText(r.path("publishedAt").asText())))));
            }
        } else {
            published.problem().ifPresent(pages::problem);
        }
        Table table = new Table("published", t.get("reports.published"), List.of(Table.Column.text(t.get("period")),
                Table.Column.text(t.get("calendar")), Table.Column.text(t.get("reports.scope")),
                Table.Column.text(t.get("reports.publishedAt"))), rows, null);
        String p = Periods.valid(period);
        String cal = "sector".equals(calendar) ? "sector" : "calendar";
        Filters filters = new Filters(List.of(
                new Filters.Field("period", t.get("period"), Periods.options(p, t)),
                new Filters.Field("calendar", t.get("calendar"), List.of(
                        new Periods.Option("calendar", t.get("calendar.calendar"), "calendar".equals(cal)),
                        new Periods.Option("sector", t.get("calendar.sector"), "sector".equals(cal))))));
        String query = "period=" + Pages.enc(p) + "&calendar=" + cal;
        List<Templates.Link> links = List.of(
                new Templates.Link(t.format("reports.download.xlsx", Periods.label(p, t)),
                        "/dashboard/reports/download?format=xlsx&" + query),
                new Templates.Link(t.format("reports.download.csv", Periods.label(p, t)),
                        "/dashboard/reports/download?format=csv&" + query));
        return Templates.figures(pages.page("reports.title", "reports"), t.get("reports.intro"), filters,
                List.of(table), links);
    }

    @GET
    @Path("reports/{id}")
    public Response report(@PathParam("id") String id) {
        Texts t = pages.t();
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            return Response.status(404).entity(Templates.notFound(pages.page("notfound.title", ""))).build();
        }
        ApiAnswer answer = api.get("/api/v1/reports/publications/" + id, Map.of());
        if (answer.status() == 404 || answer.status() == 403) {
            return Response.status(404).entity(Templates.notFound(pages.page("notfound.title", ""))).build();
        }
        List<Table> tables = new ArrayList<>();
        if (answer.ok()) {
            JsonNode report = answer.body().path("report");
            List<Table.Row> rows = new ArrayList<>();
            for (JsonNode f : report.path("figures")) {
                long value = f.path("value").asLong();
                rows.add(new Table.Row(f.path("figure").asText(), List.of(Table.Cell.text(f.path("label").asText()),
                        Table.Cell.number(pages.fmt().amount(value, f.path("unit").asText()), value, null))));
            }
            tables.add(new Table("report-figures", report.path("title").asText(t.get("reports.figures")),
                    List.of(Table.Column.text(t.get("figure")), Table.Column.number(t.get("overview.value"))), rows,
                    null));
            tables.add(JsonTables.of("revisions", t.get("reports.revisions"), report.path("revisions"), t,
                    pages.fmt(), 7, null));
        } else {
            answer.problem().ifPresent(pages::problem);
        }
        return Response.ok(Templates.figures(pages.page("reports.one", "reports"), t.get("reports.one.intro"), null,
                tables, List.of())).build();
    }

    /** The report of a period as the API exports it, handed on byte for byte. */
    @GET
    @Path("reports/download")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", MediaType.TEXT_HTML})
    public Response download(@QueryParam("period") String period, @QueryParam("calendar") String calendar,
            @QueryParam("format") String format) {
        String f = "csv".equals(format) ? "csv" : "xlsx";
        String p = Periods.valid(period);
        String cal = "sector".equals(calendar) ? "sector" : "calendar";
        String type = f.equals("csv") ? "text/csv"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        GatewayApi.Download download = api.download("/api/v1/reports/national",
                Queries.of("period", p, "calendar", cal, "format", f,
                        "province", pages.user().province().orElse(null)), type);
        if (download.problem().isPresent()) {
            pages.problem(download.problem().get());
            return Response.status(download.problem().get().status() == 0 ? 502 : download.problem().get().status())
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.figures(pages.page("reports.title", "reports"), pages.t().get("reports.failed"),
                            null, List.of(), List.of())).build();
        }
        return Response.ok(download.bytes(), download.contentType())
                .header("Content-Disposition", "attachment; filename=\"bao-cao-" + p + "-" + cal + "." + f + "\"")
                .build();
    }

    private Table table(ApiAnswer answer, String id, String caption, java.util.function.Function<JsonNode, String> link) {
        if (!answer.ok()) {
            answer.problem().ifPresent(pages::problem);
            return new Table(id, caption, List.of(), List.of(), null);
        }
        JsonNode items = answer.body().has("items") ? answer.body().get("items") : answer.body();
        return JsonTables.of(id, caption, items, pages.t(), pages.fmt(), 7, link);
    }
}

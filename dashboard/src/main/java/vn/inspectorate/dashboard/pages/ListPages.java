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
        List<Table> tables = new ArrayList<>();
        if (answer.ok()) {
            tables.add(watchlistTable(Silence.of(answer.body().path("items"), Silence.thisMonth()), t));
        } else {
            answer.problem().ifPresent(pages::problem);
            tables.add(new Table("watchlist", t.get("watchlist.caption"), List.of(), List.of(), null));
        }
        return Templates.figures(pages.page("watchlist.title", "watchlist"), t.get("watchlist.intro"), null,
                tables, List.of());
    }

    /** The watchlist, longest without a progress report first, with each case's history behind its link. */
    private Table watchlistTable(List<Silence> cases, Texts t) {
        var fmt = pages.fmt();
        List<Table.Row> rows = new ArrayList<>();
        for (Silence c : cases) {
            JsonNode item = c.item();
            String id = item.path("caseId").asText();
            String last = item.hasNonNull("lastReportMonth")
                    ? Periods.label(item.get("lastReportMonth").asText(), t) : t.get("watchlist.never");
            rows.add(new Table.Row(id, List.of(
                    Table.Cell.link(id, "/dashboard/records/cases/" + id),
                    Table.Cell.text(item.path("provinceCode").asText("")),
                    Table.Cell.text(fmt.isoText(item.path("addedOn").asText(""))),
                    Table.Cell.text(last),
                    Table.Cell.number(fmt.number(c.months()), c.months(), null))));
        }
        return new Table("watchlist", t.get("watchlist.caption"), List.of(Table.Column.text(t.get("field.caseId")),
                Table.Column.text(t.get("field.provinceCode")), Table.Column.text(t.get("field.addedOn")),
                Table.Column.text(t.get("field.lastReportMonth")), Table.Column.number(t.get("watchlist.months"))),
                rows, null);
    }

    @GET
    @Path("inspections")
    public TemplateInstance inspections() {
        Texts t = pages.t();
        ApiAnswer overdue = api.get("/api/v1/follow-ups/overdue", Queries.of("size", "200"));
        ApiAnswer overruns = api.get("/api/v1/inspections", Queries.of("overrun", "true", "size", "50"));
        List<Table> tables = new ArrayList<>();
        String intro = t.get("inspections.intro");
        if (overdue.ok()) {
            Recovery recovery = Recovery.of(overdue.body().path("items"));
            boolean more = overdue.body().hasNonNull("next");
            intro = recovery.rows().isEmpty() ? intro : intro + " " + t.format(more ? "inspections.outstanding.first" : "inspections.outstanding",
                    pages.fmt().amount(recovery.outstanding(), "VND"), recovery.rows().size());
            tables.add(recoveryTable(recovery, t));
        } else {
            overdue.problem().ifPresent(pages::problem);
            tables.add(new Table("overdue", t.get("inspections.overdue"), List.of(), List.of(), null));
        }
        tables.add(table(overruns, "overruns", t.get("inspections.overruns"),
                item -> "/dashboard/records/inspections/" + item.path("id").asText()));
        return Templates.figures(pages.page("inspections.title", "inspections"), intro, null, tables, List.of());
    }

    /** Overdue recommendations, earliest due first as the API lists them, with what each still has to recover. */
    private Table recoveryTable(Recovery recovery, Texts t) {
        var fmt = pages.fmt();
        List<Table.Row> rows = new ArrayList<>();
        for (Recovery.Row r : recovery.rows()) {
            JsonNode item = r.item();
            String inspection = item.path("inspectionId").asText("");
            rows.add(new Table.Row(item.path("id").asText(null), List.of(
                    inspection.isEmpty() ? Table.Cell.text(fmt.isoText(item.path("dueOn").asText()))
                            : Table.Cell.link(fmt.isoText(item.path("dueOn").asText()),
                                    "/dashboard/records/inspections/" + inspection),
                    Table.Cell.text(t.get("kind." + item.path("kind").asText())),
                    Table.Cell.text(item.path("description").asText("")),
                    money(item, "amountVnd"),
                    money(item, "recoveredVnd"),
                    r.outstanding() == null ? Table.Cell.text("–")
                            : Table.Cell.number(fmt.amount(r.outstanding(), "VND"), r.outstanding(), null))));
        }
        return new Table("overdue", t.get("inspections.overdue"), List.of(Table.Column.text(t.get("field.dueOn")),
                Table.Column.text(t.get("field.kind")), Table.Column.text(t.get("field.description")),
                Table.Column.number(t.get("field.amountVnd")), Table.Column.number(t.get("field.recoveredVnd")),
                Table.Column.number(t.get("inspections.outstanding.column"))), rows, null);
    }

    private Table.Cell money(JsonNode item, String field) {
        if (!item.hasNonNull(field)) {
            return Table.Cell.text("–");
        }
        long value = item.get(field).asLong();
        return Table.Cell.number(pages.fmt().amount(value, "VND"), value, null);
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
                t.get("declarations.intro"), null, List.of(table), List.of(new Templates.Link(t.get("plan.title"),
                        "/dashboard/declarations/verification-plan")))).build();
    }

    /**
     * A verification plan (asset controllers only): the API reads a plan by its id, and lists none, so the page asks
     * for the id (as the plan's decision gives it) and shows the draw's figures and its verifications.
     */
    @GET
    @Path("declarations/verification-plan")
    public Response verificationPlan(@QueryParam("id") String id) {
        Texts t = pages.t();
        if (!pages.user().assetController()) {
            return Response.status(404).entity(Templates.notFound(pages.page("notfound.title", ""))).build();
        }
        List<Table> tables = new ArrayList<>();
        String planId = id != null && id.matches("[0-9a-fA-F-]{36}") ? id : null;
        if (planId != null) {
            ApiAnswer plan = api.get("/api/v1/verification-plans/" + planId, Map.of());
            if (plan.status() == 404 || plan.status() == 403) {
                return Response.status(404).entity(Templates.notFound(pages.page("notfound.title", ""))).build();
            }
            if (plan.ok()) {
                tables.addAll(JsonTables.record(((com.fasterxml.jackson.databind.node.ObjectNode) plan.body().deepCopy())
                        .without("verifications"), t, pages.fmt()));
                tables.add(JsonTables.of("verifications", t.get("plan.verifications"),
                        plan.body().path("verifications"), t, pages.fmt(), 8,
                        v -> v.hasNonNull("declarationId")
                                ? "/dashboard/records/declarations/" + v.get("declarationId").asText() : null));
            } else {
                plan.problem().ifPresent(pages::problem);
            }
        }
        return Response.ok(Templates.verificationPlan(pages.page("plan.title", "declarations"), planId, tables))
                .build();
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

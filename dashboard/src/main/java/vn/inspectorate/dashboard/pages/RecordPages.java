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
import java.util.regex.Pattern;
import vn.inspectorate.dashboard.api.ApiAnswer;
import vn.inspectorate.dashboard.api.GatewayApi;
import vn.inspectorate.dashboard.web.JsonTables;
import vn.inspectorate.dashboard.web.Pages;
import vn.inspectorate.dashboard.web.Periods;
import vn.inspectorate.dashboard.web.Table;
import vn.inspectorate.dashboard.web.Texts;

/**
 * From a figure to its records ({@code /api/v1/reports/drill-down}) and each record's page, read from the service that
 * owns it with the user's token: a record outside the user's scope is the same "not found" page as a missing one.
 * The services leave identities out of these views (they are read, and logged, only on their own endpoints).
 */
@Path("/records")
@Produces(MediaType.TEXT_HTML)
public class RecordPages {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern FIGURE = Pattern.compile("[a-z0-9_.]{1,64}");

    private final GatewayApi api;
    private final Pages pages;

    RecordPages(GatewayApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GET
    public TemplateInstance records(@QueryParam("figure") String figure, @QueryParam("period") String period,
            @QueryParam("calendar") String calendar, @QueryParam("province") String province,
            @QueryParam("after") String after) {
        Texts t = pages.t();
        String fig = figure != null && FIGURE.matcher(figure).matches() ? figure : "cases.received";
        String kind = kindOf(fig);
        String own = pages.user().province().orElse(province);
        String cal = "sector".equals(calendar) ? "sector" : "calendar";
        String p = Periods.valid(period);
        ApiAnswer answer = api.get("/api/v1/reports/drill-down", Queries.of("figure", fig, "period", p, "calendar",
                cal, "province", own, "size", "50", "after", after));
        List<Table.Row> rows = new ArrayList<>();
        List<Templates.Link> links = new ArrayList<>();
        String caption = t.get("records.caption");
        if (answer.ok()) {
            caption = t.format("records.caption.of", figureLabel(fig), Periods.label(p, t));
            int n = 0;
            for (JsonNode id : answer.body().path("recordIds")) {
                n++;
                rows.add(new Table.Row(id.asText(), List.of(Table.Cell.text(Integer.toString(n)),
                        Table.Cell.link(id.asText(), "/dashboard/records/" + kind + "/" + id.asText()))));
            }
            JsonNode next = answer.body().get("next");
            if (next != null && !next.isNull()) {
                links.add(new Templates.Link(t.get("records.next"), pages.sameWith("after", next.asText())));
            }
        } else {
            answer.problem().ifPresent(pages::problem);
        }
        Table table = new Table("records", caption, List.of(Table.Column.text(t.get("records.number")),
                Table.Column.text(t.get("records.record"))), rows, null);
        return Templates.figures(pages.page("records.title", "overview"), t.get("records.intro"), null,
                List.of(table), links);
    }

    @GET
    @Path("{kind}/{id}")
    public Response record(@PathParam("kind") String kind, @PathParam("id") String id) {
        Texts t = pages.t();
        if (!UUID.matcher(id).matches() || !List.of("cases", "inspections", "declarations").contains(kind)) {
            return notFound();
        }
        String path = switch (kind) {
            case "cases" -> "/api/v1/cases/" + id;
            case "inspections" -> "/api/v1/inspections/" + id;
            default -> "/api/v1/declarations/" + id + "/summary";
        };
        ApiAnswer answer = api.get(path, Map.of());
        if (answer.status() == 404 || answer.status() == 403) {
            return notFound();
        }
        List<Table> tables = new ArrayList<>();
        if (answer.ok()) {
            tables.addAll(JsonTables.record(answer.body(), t, pages.fmt()));
            if (kind.equals("cases")) {
                ApiAnswer history = api.get(path + "/history", Map.of());
                if (history.ok()) {
                    tables.add(JsonTables.of("history", t.get("record.history"), history.body(), t, pages.fmt(), 6,
                            null));
                } else {
                    history.problem().ifPresent(pages::problem);
                }
            }
        } else {
            answer.problem().ifPresent(pages::problem);
        }
        List<Templates.Link> links = kind.equals("cases") && answer.ok() && pages.user().has("inspector")
                ? List.of(new Templates.Link(t.get("identity.link"), "/dashboard/records/cases/" + id + "/identity"))
                : List.of();
        return Response.ok(Templates.figures(pages.page("record.title." + kind, "overview"),
                t.get("record.intro"), null, tables, links)).build();
    }

    /** The figure's name in the page's language, from the API's catalogue; its code when the catalogue has none. */
    private String figureLabel(String figure) {
        ApiAnswer catalogue = api.get("/api/v1/reports/figures", Map.of());
        if (catalogue.ok()) {
            for (JsonNode f : catalogue.body()) {
                if (figure.equals(f.path("figure").asText()) && f.hasNonNull("label")) {
                    return f.get("label").asText();
                }
            }
        }
        return figure;
    }

    private Response notFound() {
        return Response.status(404).entity(Templates.notFound(pages.page("notfound.title", ""))).build();
    }

    /** The kind of record a figure counts, by its domain. */
    static String kindOf(String figure) {
        if (figure.startsWith("inspections.")) {
            return "inspections";
        }
        if (figure.startsWith("declarations.")) {
            return "declarations";
        }
        return "cases";
    }
}

package vn.inspectorate.dashboard.pages;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import vn.inspectorate.dashboard.api.ApiAnswer;
import vn.inspectorate.dashboard.api.GatewayApi;
import vn.inspectorate.dashboard.web.Csrf;
import vn.inspectorate.dashboard.web.JsonTables;
import vn.inspectorate.dashboard.web.Pages;
import vn.inspectorate.dashboard.web.Table;
import vn.inspectorate.dashboard.web.Texts;

/**
 * Who filed a case, for an inspector whose body may read it: identities stay masked on every other page, and this
 * one asks why first. The read is a POST with the session's CSRF token and a purpose, handed to the complaints
 * service's logged identity read ({@code ?purpose=}); the service decides who may see it and logs each reading.
 * The answer is shown once and never cached.
 */
@Path("/records/cases/{id}/identity")
@Produces(MediaType.TEXT_HTML)
public class IdentityPages {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final int PURPOSE_MAX = 500;

    private final GatewayApi api;
    private final Pages pages;
    private final Csrf csrf;
    private final SecurityIdentity identity;

    IdentityPages(GatewayApi api, Pages pages, Csrf csrf, SecurityIdentity identity) {
        this.api = api;
        this.pages = pages;
        this.csrf = csrf;
        this.identity = identity;
    }

    @GET
    public Response form(@PathParam("id") String id) {
        if (!mayAsk(id)) {
            return notFound();
        }
        return Response.ok(Templates.caseIdentity(pages.page("identity.title", "overview"), id, null, null,
                List.of())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response read(@PathParam("id") String id, @FormParam(Csrf.FIELD) String token,
            @FormParam("purpose") String purpose) {
        Texts t = pages.t();
        if (!mayAsk(id)) {
            return notFound();
        }
        if (!csrf.valid(identity, token)) {
            return Response.status(403).entity(Templates.figures(pages.page("csrf.title", ""), t.get("csrf.body"),
                    null, List.of(), List.of())).build();
        }
        String why = purpose == null ? "" : purpose.strip();
        if (why.isEmpty() || why.length() > PURPOSE_MAX) {
            return Response.status(400).entity(Templates.caseIdentity(pages.page("identity.title", "overview"), id,
                    purpose, t.get(why.isEmpty() ? "identity.purpose.missing" : "identity.purpose.long"),
                    List.of())).build();
        }
        ApiAnswer answer = api.get("/api/v1/cases/" + id + "/identity", Queries.of("purpose", why));
        if (answer.status() == 404) {
            return notFound();
        }
        List<Table> tables = List.of();
        if (answer.ok()) {
            tables = JsonTables.record(answer.body(), t, pages.fmt());
        } else {
            answer.problem().ifPresent(pages::problem);
        }
        return Response.status(answer.ok() ? 200 : answer.status() == 403 ? 403 : 502)
                .entity(Templates.caseIdentity(pages.page("identity.title", "overview"), id, why, null, tables))
                .header("Cache-Control", "no-store").build();
    }

    /** Only inspectors may ask (the service narrows it to the case's body and those above it). */
    private boolean mayAsk(String id) {
        return UUID.matcher(id).matches() && pages.user().has("inspector");
    }

    private Response notFound() {
        return Response.status(404).entity(Templates.notFound(pages.page("notfound.title", ""))).build();
    }
}

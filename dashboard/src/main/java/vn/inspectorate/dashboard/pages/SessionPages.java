package vn.inspectorate.dashboard.pages;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import vn.inspectorate.dashboard.web.Csrf;
import vn.inspectorate.dashboard.web.Lang;
import vn.inspectorate.dashboard.web.Pages;
import vn.inspectorate.dashboard.web.Texts;

/**
 * Signing out: a POST with the session's CSRF token (so another site cannot sign a user out), handed on to the OIDC
 * logout, which ends the Keycloak session too and comes back to the signed-out page.
 */
@Path("/")
public class SessionPages {

    private final Csrf csrf;
    private final SecurityIdentity identity;
    private final Pages pages;
    private final Lang lang;

    SessionPages(Csrf csrf, SecurityIdentity identity, Pages pages, Lang lang) {
        this.csrf = csrf;
        this.identity = identity;
        this.pages = pages;
        this.lang = lang;
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signOut(@FormParam(Csrf.FIELD) String token, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (!csrf.valid(identity, token)) {
            return Response.status(403).entity(Templates.figures(pages.page("csrf.title", ""), pages.t().get("csrf.body"),
                    null, java.util.List.of(), java.util.List.of())).build();
        }
        // 303: the browser follows with a GET to the logout path, which the OIDC extension answers
        return Response.seeOther(uri.getBaseUriBuilder().path("logout").build()).build();
    }

    /** Open to all: where Keycloak sends the browser after the logout. */
    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        Texts t = Texts.of(lang);
        return Templates.signedOut(lang.code(), t.get("signedout.title"), t.get("signedout.body"),
                t.get("signedout.again"));
    }
}

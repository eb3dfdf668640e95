package vn.inspectorate.dashboard.pages;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.inspectorate.dashboard.web.Pages;

/** An address the dashboard does not have gets the same designed page as a record the user may not see. */
public class NotFoundPages {

    private final Pages pages;

    NotFoundPages(Pages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.notFound(pages.page("notfound.title", "")).render()).build();
    }
}

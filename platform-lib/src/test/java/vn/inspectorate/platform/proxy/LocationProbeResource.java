package vn.inspectorate.platform.proxy;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** A test-only resource that creates nothing and answers 201 with a relative Location, as the services do. */
@Path("/probe-location")
public class LocationProbeResource {

    @POST
    public Response create() {
        return Response.created(URI.create("/probe-location/42")).build();
    }
}

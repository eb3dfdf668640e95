package vn.inspectorate.platform.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

/** Shows what the caller scope makes of a token, and whether it lets the caller see a province. */
@Path("/scope-probe")
@Authenticated
public class ScopeProbeResource {

    private final CallerScope scope;

    ScopeProbeResource(CallerScope scope) {
        this.scope = scope;
    }

    @GET
    @Path("/{province}")
    public Map<String, Object> describe(@PathParam("province") String province) {
        return Map.of(
                "subject", scope.subject(),
                "province", scope.province().orElse(""),
                "central", scope.isCentral(),
                "maySee", scope.maySee(province));
    }
}

package vn.inspectorate.platform.problem;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.platform.idempotency.Idempotent;
import vn.inspectorate.platform.idempotency.IdempotencyKeys;

/** A test-only resource that exercises every kind of failure the problem mappers handle. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public enum Color { RED, GREEN }

    public record Item(@NotBlank String name) {
    }

    public record ProbeRequest(@NotBlank String name, @Min(1) int count, @NotNull Color color, LocalDate on,
            @Valid @Size(max = 2) List<@Valid Item> items) {
    }

    public record NamedRequest(String name) {
    }

    private final EntityManager em;
    private final IdempotencyKeys idempotency;

    ProbeResource(EntityManager em, IdempotencyKeys idempotency) {
        this.em = em;
        this.idempotency = idempotency;
    }

    @POST
    public Map<String, Object> create(@Valid @NotNull ProbeRequest request) {
        return Map.of("name", request.name(), "count", request.count());
    }

    @GET
    @Path("/page")
    public String page(@QueryParam("size") @Min(1) @Max(100) int size) {
        return "size " + size;
    }

    @GET
    @Path("/colors")
    public String colors(@QueryParam("color") Color color) {
        return "color " + color;
    }

    @GET
    @Path("/things/{id}")
    public String thing(@jakarta.ws.rs.PathParam("id") UUID id) {
        return "thing " + id;
    }

    @GET
    @Path("/missing")
    public String missing() {
        throw ProblemException.notFound("Probe 42");
    }

    @GET
    @Path("/database-down")
    public String databaseDown() {
        throw new jakarta.persistence.PersistenceException("could not prepare statement",
                new java.sql.SQLException("Connection to localhost:5432 refused", "08001"));
    }

    @GET
    @Path("/deadlock")
    public String deadlock() {
        throw new IllegalStateException("update failed", new java.sql.SQLException("ERROR: deadlock detected",
                "40P01"));
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("/secured")
    @RolesAllowed("inspector")
    public String secured() {
        return "ok";
    }

    @POST
    @Path("/idempotent")
    @Idempotent
    public Response idempotent(@HeaderParam(IdempotencyKeys.HEADER) String key, NamedRequest request) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into test_probe (id, name) values (?1, ?2)")
                .setParameter(1, id).setParameter(2, request.name()).executeUpdate();
        if (request.name().startsWith("refused-")) {
            // written, then refused: the interceptor's transaction must undo the row and free the key
            throw ProblemException.unprocessable("refused", "Refused after writing.", List.of());
        }
        return Response.status(201).entity(Map.of("id", id.toString(), "name", request.name())).build();
    }
}

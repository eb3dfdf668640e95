package vn.inspectorate.platform.paging;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.IntStream;

/** A test-only list of the numbers 0 to 9, paged by the convention. */
@Path("/probe-pages")
@Produces(MediaType.APPLICATION_JSON)
public class PageProbeResource {

    static final List<Integer> ITEMS = IntStream.range(0, 10).boxed().toList();

    @GET
    public Page<Integer> list(@QueryParam("size") Integer size, @QueryParam("after") String after,
            @QueryParam("parity") String parity, @QueryParam("tag") String tag) {
        PageRequest request = PageRequest.of(size, after, "parity=" + parity + ";tag=" + tag, 1);
        int from = request.first() ? 0 : Integer.parseInt(request.after(0)) + 1;
        List<Integer> rows = ITEMS.stream().filter(i -> i >= from)
                .filter(i -> parity == null || (i % 2 == 0) == parity.equals("even")).limit(request.fetch()).toList();
        return request.page(rows, i -> List.of(Integer.toString(i)), null);
    }
}

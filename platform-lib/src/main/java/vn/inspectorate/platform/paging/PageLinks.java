package vn.inspectorate.platform.paging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Link} headers (RFC 8288) on every page a list answers: {@code rel="first"} and, while more follow,
 * {@code rel="next"}, each the request's own URL with the same filters and size. The URL is built from the request as
 * the service received it, which behind the gateway is the public address the gateway forwards (X-Forwarded-*), so the
 * links point at the gateway. There is no {@code prev} or {@code last}: a keyset page knows only where it ends.
 */
@Provider
public class PageLinks implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Paged page) || response.getStatus() != 200) {
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        // the query as the client wrote it, minus the position: re-encoding it (UriBuilder) would double-encode values
        // such as sort=receivedOn%2Cdesc
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!pair.isEmpty() && !pair.equals(PageRequest.AFTER) && !pair.startsWith(PageRequest.AFTER + "=")) {
                    kept.add(pair);
                }
            }
        }
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        String first = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
        List<String> links = new ArrayList<>();
        links.add(link(first, "first"));
        if (page.nextAfter() != null) {
            String after = PageRequest.AFTER + "=" + URLEncoder.encode(page.nextAfter(), StandardCharsets.UTF_8);
            links.add(link(first + (kept.isEmpty() ? "?" : "&") + after, "next"));
        }
        // one header, comma-separated (RFC 8288 §3): proxies and clients that keep one value per name keep all links
        response.getHeaders().putSingle("Link", String.join(", ", links));
    }

    private static String link(String uri, String rel) {
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}

package vn.inspectorate.gateway.routing;

import java.util.List;
import java.util.Locale;

/**
 * A write that the owning service keys naturally ({@code POST /api/v1/cases}: a case's source reference), so sending
 * it twice creates nothing new and the gateway may retry it on another instance. {@code *} stands for one segment.
 */
public record NaturalKeyWrite(String method, List<String> segments) {

    static NaturalKeyWrite parse(String route, String entry) {
        String[] parts = entry.strip().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalStateException("route " + route + ": natural-key write '" + entry
                    + "' is not 'METHOD /path', e.g. 'POST /api/v1/cases'");
        }
        return new NaturalKeyWrite(parts[0].toUpperCase(Locale.ROOT), List.of(parts[1].substring(1).split("/")));
    }

    boolean matches(String requestMethod, String path) {
        if (!method.equals(requestMethod) || !path.startsWith("/")) {
            return false;
        }
        String[] actual = path.substring(1).split("/");
        if (actual.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (!segments.get(i).equals("*") && !segments.get(i).equals(actual[i])) {
                return false;
            }
        }
        return true;
    }
}

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
        // the path's segments walked in place, not split: every write through the gateway is matched against these;
        // trailing slashes end no segment, as in the configured form
        int limit = path.length();
        while (limit > 1 && path.charAt(limit - 1) == '/') {
            limit--;
        }
        int start = 1;
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            int slash = path.indexOf('/', start);
            int end = slash < 0 || slash >= limit ? limit : slash;
            if (last != (end == limit)) {
                return false;
            }
            String expected = segments.get(i);
            if (!expected.equals("*")
                    && !(end - start == expected.length() && path.regionMatches(start, expected, 0, end - start))) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }
}

package vn.inspectorate.dashboard.pages;

import java.util.LinkedHashMap;
import java.util.Map;

/** Query parameters for the API in a fixed order, leaving out blank ones. */
final class Queries {

    private Queries() {
    }

    static Map<String, String> of(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                params.put(pairs[i], pairs[i + 1]);
            }
        }
        return params;
    }
}

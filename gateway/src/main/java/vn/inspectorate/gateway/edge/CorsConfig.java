package vn.inspectorate.gateway.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Browser origins (scheme://host[:port]) allowed to call the API; none by default. */
@ConfigMapping(prefix = "inspectorate.gateway.cors")
public interface CorsConfig {

    /** E.g. {@code https://dashboard.thanhtra.gov.vn,http://localhost:3000}; empty: no cross-origin access. */
    Optional<List<String>> origins();

    /** How long a browser may keep a preflight's answer. */
    @WithDefault("PT10M")
    Duration maxAge();
}

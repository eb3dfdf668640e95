package vn.inspectorate.dashboard.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the dashboard reads its data: the platform's gateway, with the signed-in user's own token. */
@ConfigMapping(prefix = "inspectorate.dashboard")
public interface DashboardConfig {

    /** The gateway's base URL as this application reaches it (inside the platform; not the public address). */
    URI gatewayUrl();

    /** How long one API call may take before the page shows a problem instead. */
    @WithDefault("PT20S")
    Duration apiTimeout();
}

package vn.inspectorate.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "inspectorate.idempotency")
public interface IdempotencyConfig {

    /** How long a stored answer replays a retried key; a retry after that is a new request. */
    @WithDefault("72")
    long retentionHours();
}

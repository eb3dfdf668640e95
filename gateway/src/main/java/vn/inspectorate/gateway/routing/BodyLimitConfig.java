package vn.inspectorate.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The largest request body the HTTP server takes ({@code quarkus.http.limits.max-body-size}); the proxy holds a
 * streamed body to the same limit.
 */
@ConfigMapping(prefix = "quarkus.http.limits")
public interface BodyLimitConfig {

    Optional<MemorySize> maxBodySize();
}

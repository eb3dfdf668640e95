package vn.inspectorate.complaints.reference;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long reference data read from the database is trusted before it is read again. */
@ConfigMapping(prefix = "inspectorate.complaints.reference-data")
public interface ReferenceDataConfig {

    @WithDefault("PT5M")
    Duration maxAge();
}

package vn.inspectorate.reporting.rebuild;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of a rebuild. */
@ConfigMapping(prefix = "inspectorate.reporting.rebuild")
public interface RebuildConfig {

    /** The Kafka cluster the rebuild's own consumer reads: by default the one the live consumers read. */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();
}

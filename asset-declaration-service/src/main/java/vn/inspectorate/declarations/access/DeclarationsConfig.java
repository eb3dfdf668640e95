package vn.inspectorate.declarations.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The agency whose asset controllers act nationwide. */
@ConfigMapping(prefix = "inspectorate.declarations")
public interface DeclarationsConfig {

    /** The central agency's code: its asset controllers are central controllers. */
    @WithDefault("TTCP")
    String centralAgency();
}

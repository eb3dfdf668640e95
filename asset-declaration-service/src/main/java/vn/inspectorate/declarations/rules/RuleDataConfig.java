package vn.inspectorate.declarations.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the dated rules read from the database (rule parameters, red-flag rule versions) are trusted before they
 * are read again. A change made through this instance shows at once; one made through another replica within this.
 */
@ConfigMapping(prefix = "inspectorate.declarations.rule-data")
public interface RuleDataConfig {

    @WithDefault("PT1M")
    Duration maxAge();
}

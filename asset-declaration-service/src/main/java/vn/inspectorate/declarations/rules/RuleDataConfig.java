package vn.inspectorate.declarations.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the dated rules read from the database (rule parameters, red-flag rule versions) are trusted before they
 * are read again: the backstop. A change made through this instance shows at once; one made through another instance
 * when its event arrives; one with no event (a migration, a correction by hand) within this.
 */
@ConfigMapping(prefix = "inspectorate.declarations.rule-data")
public interface RuleDataConfig {

    @WithDefault("PT1M")
    Duration maxAge();
}

package vn.inspectorate.reporting.figures;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of the report endpoints. */
@ConfigMapping(prefix = "inspectorate.reporting")
public interface ReportsConfig {

    /** The longest period a report may cover, in days (five years by default). */
    @WithDefault("1830")
    int maxPeriodDays();
}

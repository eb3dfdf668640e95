package vn.inspectorate.reporting.figures;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of the report endpoints. */
@ConfigMapping(prefix = "inspectorate.reporting")
public interface ReportsConfig {

    /** The longest period a report may cover, in days (five years by default). */
    @WithDefault("1830")
    int maxPeriodDays();

    /**
     * The agencies whose inspectors, bound to no province, are central staff for reports: they read the national
     * reports and every province's, as central analysts do. The Government Inspectorate by default.
     */
    @WithDefault("TTCP")
    java.util.Set<String> centralAgencies();
}

package vn.inspectorate.declarations.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long this service's copy of the public calendar is trusted before it is read again: the backstop, as a loaded
 * year reaches every instance by its event.
 */
@ConfigMapping(prefix = "inspectorate.declarations.calendar")
public interface CalendarConfig {

    @WithDefault("PT1M")
    Duration maxAge();
}

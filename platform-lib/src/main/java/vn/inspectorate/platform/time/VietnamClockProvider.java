package vn.inspectorate.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * The clock of Bean Validation's date constraints ({@code @PastOrPresent} and the like): Vietnam's, not the server's.
 * With the server's (UTC), a date of today in Vietnam was "in the future" from midnight to 07:00 in Vietnam.
 */
@ApplicationScoped
public class VietnamClockProvider implements ClockProvider {

    @Override
    public Clock getClock() {
        return VietnamTime.clock();
    }
}

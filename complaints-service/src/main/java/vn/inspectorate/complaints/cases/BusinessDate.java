package vn.inspectorate.complaints.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import vn.inspectorate.platform.time.VietnamTime;

/** Legal days are Vietnamese calendar days, whatever the server's zone. */
public final class BusinessDate {

    public static final ZoneId ZONE = VietnamTime.ZONE;

    private BusinessDate() {
    }

    public static LocalDate today() {
        return VietnamTime.today();
    }
}

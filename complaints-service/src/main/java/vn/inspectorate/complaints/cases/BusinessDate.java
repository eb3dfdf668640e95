package vn.inspectorate.complaints.cases;

import java.time.LocalDate;
import java.time.ZoneId;

/** Legal days are Vietnamese calendar days, whatever the server's zone. */
public final class BusinessDate {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private BusinessDate() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}

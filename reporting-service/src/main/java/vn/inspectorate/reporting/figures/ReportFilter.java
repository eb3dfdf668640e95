package vn.inspectorate.reporting.figures;

import java.util.Set;
import vn.inspectorate.reporting.units.UnitMode;

/**
 * What a query counts: the filed province codes (null: the nation), and optional body, sector and kind.
 * {@code province} is the code the caller asked for, {@code units} how province codes are read.
 */
public record ReportFilter(String province, Set<String> provinceCodes, String body, String sector, String kind,
        UnitMode units) {

    public boolean national() {
        return provinceCodes == null;
    }
}

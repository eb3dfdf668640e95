package vn.inspectorate.platform.reference;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reference.AdministrativeUnitRegister;

/**
 * Reads a service's own copy of the provincial units and their successions (the tables every service's migrations
 * create from the shared reference files, and that an admin's change may have changed since).
 */
@ApplicationScoped
public class AdministrativeUnitTables {

    private static final String UNITS = "select code, name, valid_from, valid_to from administrative_unit "
            + "order by code, valid_from";

    private static final String SUCCESSIONS = "select old_code, new_code, effective_on "
            + "from administrative_unit_succession order by old_code, effective_on, new_code";

    private final Sql sql;

    AdministrativeUnitTables(Sql sql) {
        this.sql = sql;
    }

    /** The units and their successions as the tables hold them now. */
    public AdministrativeUnitRegister register() {
        return new AdministrativeUnitRegister(
                sql.query(UNITS, List.of(), rs -> new AdministrativeUnitRegister.Unit(rs.getString(1),
                        rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))),
                sql.query(SUCCESSIONS, List.of(), rs -> new AdministrativeUnitRegister.Succession(rs.getString(1),
                        rs.getString(2), rs.getObject(3, LocalDate.class))));
    }
}

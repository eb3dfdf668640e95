package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reference.AdministrativeUnitRegister;

/** All SQL of the provincial units and their successions. */
@ApplicationScoped
public class AdministrativeUnitStore {

    private static final String UNITS = "select code, name, valid_from, valid_to from administrative_unit";

    private static final String SUCCESSIONS = "select old_code, new_code, effective_on from administrative_unit_succession";

    private final Sql sql;

    AdministrativeUnitStore(Sql sql) {
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

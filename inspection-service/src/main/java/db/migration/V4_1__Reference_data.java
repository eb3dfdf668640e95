package db.migration;

import java.util.List;
import vn.inspectorate.reference.ReferenceDataMigration;
import vn.inspectorate.reference.ReferenceTables;
import vn.inspectorate.reference.TableLoad;

/** Loads the inspection bodies of the whole system (dated, with successors) and the administrative units with
 * their succession from the shared reference files. */
public class V4_1__Reference_data extends ReferenceDataMigration {

    @Override
    protected List<TableLoad> loads() {
        return List.of(ReferenceTables.inspectionBodies(), ReferenceTables.administrativeUnits(),
                ReferenceTables.administrativeUnitSuccessions());
    }
}

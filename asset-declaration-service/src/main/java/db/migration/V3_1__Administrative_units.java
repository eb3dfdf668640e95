package db.migration;

import java.util.List;
import vn.inspectorate.reference.ReferenceDataMigration;
import vn.inspectorate.reference.ReferenceTables;
import vn.inspectorate.reference.TableLoad;

/** Loads the administrative units and their succession from the shared reference files. */
public class V3_1__Administrative_units extends ReferenceDataMigration {

    @Override
    protected List<TableLoad> loads() {
        return List.of(ReferenceTables.administrativeUnits(), ReferenceTables.administrativeUnitSuccessions());
    }
}

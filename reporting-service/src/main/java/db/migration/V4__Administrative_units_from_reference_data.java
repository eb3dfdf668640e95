package db.migration;

import java.util.List;
import vn.inspectorate.reference.ReferenceDataMigration;
import vn.inspectorate.reference.ReferenceTables;
import vn.inspectorate.reference.TableLoad;

/** The administrative units and their succession now come from the shared reference file; the copy V2 seeded
 * stays in the history but its rows are replaced by the file's. */
public class V4__Administrative_units_from_reference_data extends ReferenceDataMigration {

    @Override
    protected List<TableLoad> loads() {
        return List.of(ReferenceTables.administrativeUnits(), ReferenceTables.administrativeUnitSuccessions());
    }
}

package db.migration;

import java.util.List;
import vn.inspectorate.reference.ReferenceDataMigration;
import vn.inspectorate.reference.ReferenceTables;
import vn.inspectorate.reference.TableLoad;

/** The units designated as remote areas come from the shared reference file, as the units themselves do. */
public class V9_91__Remote_areas_from_reference_data extends ReferenceDataMigration {

    @Override
    protected List<TableLoad> loads() {
        return List.of(ReferenceTables.remoteAreas());
    }
}

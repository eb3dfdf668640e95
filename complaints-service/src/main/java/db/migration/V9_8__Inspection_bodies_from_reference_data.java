package db.migration;

import java.util.List;
import vn.inspectorate.reference.ReferenceDataMigration;
import vn.inspectorate.reference.ReferenceTables;
import vn.inspectorate.reference.TableLoad;

/** The inspection bodies with their dates, from the shared reference file, into the table V9_7 created. */
public class V9_8__Inspection_bodies_from_reference_data extends ReferenceDataMigration {

    @Override
    protected List<TableLoad> loads() {
        return List.of(ReferenceTables.inspectionBodies());
    }
}

package db.migration;

import java.util.List;
import vn.inspectorate.reference.ReferenceDataMigration;
import vn.inspectorate.reference.TableLoad;
import vn.inspectorate.reference.TableLoad.Column;

/** The public calendar from reference-data's file: 2024's days for back-filled cases, and the compensatory days. */
public class V6_1__public_calendar extends ReferenceDataMigration {

    @Override
    protected List<TableLoad> loads() {
        return List.of(TableLoad.replace("public-calendar.csv", "public_holiday", List.of("day"),
                Column.date("day"), new Column("occasion", "name", "text"), Column.text("kind")));
    }
}

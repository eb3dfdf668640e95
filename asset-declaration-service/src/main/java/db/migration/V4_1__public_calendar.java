package db.migration;

import java.util.List;
import vn.inspectorate.reference.ReferenceDataMigration;
import vn.inspectorate.reference.TableLoad;
import vn.inspectorate.reference.TableLoad.Column;

/** The public calendar from reference-data's file, for the declaration deadlines. */
public class V4_1__public_calendar extends ReferenceDataMigration {

    @Override
    protected List<TableLoad> loads() {
        return List.of(TableLoad.replace("public-calendar.csv", "public_calendar_day", List.of("day"),
                Column.date("day"), Column.text("kind"), Column.text("occasion")));
    }
}

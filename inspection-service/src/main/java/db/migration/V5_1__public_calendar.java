package db.migration;

import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import vn.inspectorate.reference.ReferenceDataMigration;
import vn.inspectorate.reference.TableLoad;
import vn.inspectorate.reference.TableLoad.Column;

/** Loads the public calendar (reference-data's {@code public-calendar.csv}) as the master copy admins keep. */
public class V5_1__public_calendar extends ReferenceDataMigration {

    @Override
    protected List<TableLoad> loads() {
        return List.of(TableLoad.upsert("public-calendar.csv", "public_calendar_day", List.of("day"),
                Column.date("day"), Column.text("kind"), Column.text("occasion"),
                new Column("decided", "decided", "boolean"), Column.text("source")));
    }

    @Override
    public void migrate(Context context) throws Exception {
        super.migrate(context);
        try (Statement years = context.getConnection().createStatement()) {
            years.executeUpdate("""
                    insert into public_calendar_year (year, source, decided)
                    select year, 'reference-data public-calendar.csv', bool_and(decided) from public_calendar_day
                    group by year on conflict (year) do nothing""");
        }
    }
}

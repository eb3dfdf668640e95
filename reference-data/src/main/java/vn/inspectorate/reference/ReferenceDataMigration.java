package vn.inspectorate.reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway Java migration that loads reference files into a service's own tables. A service declares one subclass
 * per version in package {@code db.migration} (e.g. {@code V5__administrative_units}) listing its {@link TableLoad}s;
 * Flyway runs it in order with the SQL migrations, in the migration's transaction, before the service serves.
 *
 * <p>Each row is upserted by the load's key, so rows an earlier SQL migration seeded are replaced by the file's values.
 * A load that {@linkplain TableLoad#replacing() replaces} its table first deletes every row (only for tables nothing
 * references), so the table then holds exactly the file.
 */
// JavaMigration is declared again (BaseJavaMigration already implements it) so that Quarkus, which finds migrations
// among the indexed implementors of JavaMigration, finds this class and its subclasses without indexing Flyway itself.
public abstract class ReferenceDataMigration extends BaseJavaMigration implements JavaMigration {

    /** The tables this version loads, in order. */
    protected abstract List<TableLoad> loads();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        for (TableLoad load : loads()) {
            load(connection, load);
        }
    }

    static void load(Connection connection, TableLoad load) throws SQLException {
        ReferenceFile file = ReferenceFile.read(load.file());
        if (load.replacing()) {
            try (Statement delete = connection.createStatement()) {
                delete.executeUpdate("delete from " + load.table());
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(upsertSql(load))) {
            for (ReferenceFile.Row row : file.rows()) {
                int i = 1;
                for (TableLoad.Column column : load.columns()) {
                    upsert.setString(i++, row.optional(column.fileColumn()).orElse(null));
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    static String upsertSql(TableLoad load) {
        String columns = load.columns().stream().map(TableLoad.Column::tableColumn).collect(Collectors.joining(", "));
        String values = load.columns().stream().map(c -> "cast(? as " + c.sqlType() + ")")
                .collect(Collectors.joining(", "));
        List<String> updated = load.columns().stream().map(TableLoad.Column::tableColumn)
                .filter(c -> !load.key().contains(c)).toList();
        String onConflict = updated.isEmpty() ? "do nothing"
                : "do update set " + updated.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
        return "insert into " + load.table() + " (" + columns + ") values (" + values + ") on conflict ("
                + String.join(", ", load.key()) + ") " + onConflict;
    }
}

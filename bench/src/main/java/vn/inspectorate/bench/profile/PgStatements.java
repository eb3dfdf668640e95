package vn.inspectorate.bench.profile;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import vn.inspectorate.infra.PostgresServer;

/**
 * PostgreSQL's side of a profile: {@code pg_stat_statements}, which the embedded binaries ship but which only works
 * when the server preloads it. For profiled runs the data folder is initialised before the platform starts and the
 * library is added to {@code postgresql.auto.conf}; the platform's own start then finds an initialised folder and
 * keeps the setting. Other runs keep the launcher's PostgreSQL exactly as it is.
 */
public final class PgStatements {

    private static final String EXTENSION = "pg_stat_statements";
    private static final double MIB = 1024 * 1024;

    private PgStatements() {
    }

    /** Initialises {@code dataDir} with the extension preloaded; false (and nothing changed) if it is not shipped. */
    public static boolean preload(Path dataDir) {
        try (PostgresServer server = PostgresServer.create(dataDir, 0, true).start();
                Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.SUPERUSER, "");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from pg_available_extensions where name = '"
                    + EXTENSION + "'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return false;
                }
            }
            s.execute("alter system set shared_preload_libraries = '" + EXTENSION + "'");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare " + EXTENSION, e);
        }
    }

    /** Whether the running server has the extension loaded; creates it in {@code postgres} and clears it if so. */
    public static boolean reset(Connection postgres) throws SQLException {
        try (Statement s = postgres.createStatement()) {
            try (ResultSet rs = s.executeQuery("show shared_preload_libraries")) {
                rs.next();
                if (!rs.getString(1).contains(EXTENSION)) {
                    return false;
                }
            }
            s.execute("create extension if not exists " + EXTENSION);
            s.execute("select " + EXTENSION + "_reset()");
            return true;
        }
    }

    /**
     * The time and the WAL written per database, and the top statements by total execution time since the last
     * reset. The WAL is what each statement generated (its new row versions and index entries; full-page images only
     * where {@code full_page_writes} is on), which the WAL writer and the checkpoints then work through outside the
     * statement's time; an update writes its row's new version whole, not only the columns it changes.
     */
    public static String summary(Connection postgres, int top) throws SQLException {
        StringBuilder out = new StringBuilder("pg_stat_statements since the profiled step began (execution time, "
                + "WAL written; statements normalised, so no values):\nby database:\n");
        try (Statement s = postgres.createStatement()) {
            try (ResultSet rs = s.executeQuery("select d.datname, sum(p.calls), sum(p.total_exec_time), sum(p.rows), "
                    + "sum(p.wal_bytes) "
                    + "from pg_stat_statements p join pg_database d on d.oid = p.dbid group by d.datname "
                    + "order by 3 desc")) {
                out.append(String.format("  %-24s %10s %12s %10s %9s%n", "database", "calls", "total ms", "rows",
                        "WAL MiB"));
                while (rs.next()) {
                    out.append(String.format("  %-24s %,10d %,12.0f %,10d %,9.1f%n", rs.getString(1), rs.getLong(2),
                            rs.getDouble(3), rs.getLong(4), rs.getDouble(5) / MIB));
                }
            }
            out.append("top statements by total time:\n");
            out.append(String.format("  %-12s %9s %10s %8s %9s %9s  %s%n", "database", "calls", "total ms",
                    "mean ms", "rows", "WAL MiB", "statement"));
            try (ResultSet rs = s.executeQuery("select d.datname, p.calls, p.total_exec_time, p.mean_exec_time, "
                    + "p.rows, p.wal_bytes, p.query from pg_stat_statements p join pg_database d on d.oid = p.dbid "
                    + "order by p.total_exec_time desc limit " + top)) {
                while (rs.next()) {
                    out.append(String.format("  %-12s %,9d %,10.0f %8.3f %,9d %,9.1f  %s%n", rs.getString(1),
                            rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5), rs.getDouble(6) / MIB,
                            oneLine(rs.getString(7), 160)));
                }
            }
        }
        return out.toString();
    }

    static String oneLine(String sql, int max) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}

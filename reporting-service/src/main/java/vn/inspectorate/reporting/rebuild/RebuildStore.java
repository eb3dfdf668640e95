package vn.inspectorate.reporting.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reporting.rebuild.RebuildService.Rebuild;

/** All SQL of the rebuilds' progress ({@code projection_rebuild}); at most one row is RUNNING (a unique index). */
@ApplicationScoped
class RebuildStore {

    private static final String INTERRUPTED = """
            update projection_rebuild set state = 'FAILED', finished_at = now(),
                error = 'interrupted: the instance running it stopped before it ended; start a new rebuild'
            where state = 'RUNNING'""";

    private final Sql sql;

    RebuildStore(Sql sql) {
        this.sql = sql;
    }

    /** The rebuild recorded as RUNNING, if any: at most one is. */
    Optional<UUID> runningId() {
        return sql.queryFirst("select id from projection_rebuild where state = 'RUNNING'", List.of(),
                rs -> rs.getObject(1, UUID.class));
    }

    /** Whether any session of the database holds the rebuild's lock ({@link RebuildLock}); it takes nothing. */
    boolean lockHeld() {
        return !sql.query("""
                select 1 from pg_locks where locktype = 'advisory' and granted and objsubid = 1
                    and database = (select oid from pg_database where datname = current_database())
                    and (classid::bigint << 32 | objid::bigint) = ?""", List.of(RebuildLock.KEY), rs -> 1).isEmpty();
    }

    /** Claims the one running rebuild; a unique violation when another runs. */
    void start(UUID id, String requestedBy) {
        sql.update("insert into projection_rebuild (id, requested_by, state) values (?, ?, 'RUNNING')",
                List.of(id, requestedBy));
    }

    Optional<Rebuild> get(UUID id) {
        return sql.queryFirst("""
                select id, state, requested_by, requested_at, finished_at, total_records, replayed_records,
                    poison_records, error from projection_rebuild where id = ?""", List.of(id),
                rs -> new Rebuild(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getString(9)));
    }

    /** False when the rebuild is no longer RUNNING: it was marked FAILED meanwhile. */
    boolean progress(UUID id, long total, long replayed, long poison) {
        return sql.update("""
                update projection_rebuild set total_records = ?, replayed_records = ?, poison_records = ?
                where id = ? and state = 'RUNNING'""", List.of(total, replayed, poison, id)) == 1;
    }

    /** False when the rebuild is no longer RUNNING: it was marked FAILED meanwhile, and stays so. */
    boolean done(UUID id, long total, long replayed, long poison) {
        return sql.update("""
                update projection_rebuild set state = 'DONE', finished_at = now(), total_records = ?,
                    replayed_records = ?, poison_records = ? where id = ? and state = 'RUNNING'""",
                List.of(total, replayed, poison, id)) == 1;
    }

    void failed(UUID id, String error) {
        sql.update("""
                update projection_rebuild set state = 'FAILED', finished_at = now(), error = ?
                where id = ? and state = 'RUNNING'""", List.of(error, id));
    }

    /** Marks the rebuild FAILED if it is still RUNNING: its instance stopped before it ended. */
    void failInterrupted(UUID id) {
        sql.update(INTERRUPTED + " and id = ?", List.of(id));
    }

    /** Marks every RUNNING rebuild FAILED; only for the holder of the lock, whom no other rebuild can run beside. */
    void failInterrupted() {
        sql.update(INTERRUPTED, List.of());
    }
}

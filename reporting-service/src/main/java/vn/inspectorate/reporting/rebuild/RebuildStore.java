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
public class RebuildStore {

    private final Sql sql;

    RebuildStore(Sql sql) {
        this.sql = sql;
    }

    /** A rebuild empties the figures: no report is frozen while one runs. */
    public boolean running() {
        return !sql.query("select 1 from projection_rebuild where state = 'RUNNING'", List.of(), rs -> 1).isEmpty();
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

    void progress(UUID id, long total, long replayed, long poison) {
        sql.update("""
                update projection_rebuild set total_records = ?, replayed_records = ?, poison_records = ?
                where id = ?""", List.of(total, replayed, poison, id));
    }

    void done(UUID id, long total, long replayed, long poison) {
        sql.update("""
                update projection_rebuild set state = 'DONE', finished_at = now(), total_records = ?,
                    replayed_records = ?, poison_records = ? where id = ?""", List.of(total, replayed, poison, id));
    }

    void failed(UUID id, String error) {
        sql.update("update projection_rebuild set state = 'FAILED', finished_at = now(), error = ? where id = ?",
                List.of(error, id));
    }

    /** Every rebuild a stop of the service cut short: nothing runs it any more. */
    void failInterrupted() {
        sql.update("""
                update projection_rebuild set state = 'FAILED', finished_at = now(),
                    error = 'interrupted by a restart of the service; start a new rebuild'
                where state = 'RUNNING'""", List.of());
    }
}

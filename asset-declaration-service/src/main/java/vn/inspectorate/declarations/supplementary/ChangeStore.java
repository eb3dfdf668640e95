package vn.inspectorate.declarations.supplementary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.declarations.supplementary.ChangeApi.Change;
import vn.inspectorate.declarations.supplementary.ChangeApi.Kind;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of the declarants' changes. */
@ApplicationScoped
public class ChangeStore {

    private static final String COLUMNS = """
            select id, declarant_id, kind, occurred_on, increase_vnd, threshold_vnd, due_on, declaration_id, position
            from declarant_change""";
    private static final String INSERT = """
            insert into declarant_change (id, declarant_id, kind, occurred_on, increase_vnd, position, threshold_vnd,
                                          due_on, declaration_id, recorded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String REMEASURE = """
            update declarant_change set occurred_on = ?, increase_vnd = ?, threshold_vnd = ?, due_on = ?
            where id = ?""";

    /** A stored change with the position it named (kept inside the service: not part of the answer). */
    public record Stored(Change change, String position) {
    }

    private final Sql sql;

    ChangeStore(Sql sql) {
        this.sql = sql;
    }

    /** The reported change of its natural key, if recorded. */
    public Optional<Stored> find(UUID declarantId, Kind kind, LocalDate occurredOn) {
        return sql.queryFirst(COLUMNS + " where declarant_id = ? and kind = ? and occurred_on = ?"
                + " and declaration_id is null", List.of(declarantId, kind.name(), occurredOn), ChangeStore::stored);
    }

    /** The change a declaration's comparison with the previous one found, if any. */
    public Optional<Change> measuredBy(UUID declarationId) {
        return sql.queryFirst(COLUMNS + " where declaration_id = ?", List.of(declarationId),
                rs -> stored(rs).change());
    }

    public void insert(Change c, String position, String recordedBy) {
        sql.update(INSERT, Arrays.asList(c.id(), c.declarantId(), c.kind().name(), c.occurredOn(), c.increaseVnd(),
                position, c.thresholdVnd(), c.dueOn(), c.declarationId(), recordedBy));
    }

    /** The measured change again, after the declaration that found it was corrected. */
    public void remeasure(Change c) {
        sql.update(REMEASURE, Arrays.asList(c.occurredOn(), c.increaseVnd(), c.thresholdVnd(), c.dueOn(), c.id()));
    }

    /** The changes of the declarant that made a supplementary declaration of {@code year} due, in date order. */
    public List<Change> dueIn(UUID declarantId, int year) {
        return sql.query(COLUMNS + " where declarant_id = ? and due_on is not null"
                + " and occurred_on >= ? and occurred_on <= ? order by occurred_on, kind, recorded_at",
                List.of(declarantId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
                rs -> stored(rs).change());
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        Change c = new Change(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Kind.valueOf(rs.getString(3)),
                rs.getObject(4, LocalDate.class), (Long) rs.getObject(5), (Long) rs.getObject(6),
                rs.getObject(7) != null, rs.getObject(7, LocalDate.class), rs.getObject(8, UUID.class));
        return new Stored(c, rs.getString(9));
    }
}

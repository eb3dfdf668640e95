package vn.inspectorate.declarations.deadlines;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.declarations.deadlines.DeadlineApi.Outcome;
import vn.inspectorate.declarations.deadlines.DeadlineApi.TrackedKind;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of the written reminders to declarants. */
@ApplicationScoped
public class ReminderStore {

    private static final String SENT = """
            select outcome from declaration_reminder where declarant_id = ? and kind = ? and year = ?
            order by sequence""";
    private static final String INSERT = """
            insert into declaration_reminder (id, declarant_id, kind, year, sequence, outcome, sent_on, recorded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Sql sql;

    ReminderStore(Sql sql) {
        this.sql = sql;
    }

    /** The outcome of each reminder recorded for one declaration, in the order they were sent. */
    public List<Outcome> sent(UUID declarantId, TrackedKind kind, int year) {
        return sql.query(SENT, List.of(declarantId, kind, year), rs -> Outcome.valueOf(rs.getString(1)));
    }

    public void insert(UUID id, UUID declarantId, TrackedKind kind, int year, int sequence, Outcome outcome,
            LocalDate sentOn, String recordedBy) {
        sql.update(INSERT, List.of(id, declarantId, kind, year, sequence, outcome, sentOn, recordedBy));
    }
}

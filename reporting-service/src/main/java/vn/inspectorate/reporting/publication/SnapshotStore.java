package vn.inspectorate.reporting.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.contracts.reports.ReportPublished;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reporting.national.NationalReport;
import vn.inspectorate.reporting.periods.Calendar;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.publication.PublicationService.Snapshot;

/** All SQL of published reports ({@code report_snapshot}): the frozen figures as JSON, read back as they were. */
@ApplicationScoped
class SnapshotStore {

    private final Sql sql;
    private final ObjectMapper mapper;

    SnapshotStore(Sql sql, ObjectMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    void insert(Snapshot s) {
        sql.update("""
                insert into report_snapshot (id, report_id, period_kind, calendar, period_key, period_start, period_end,
                    scope, scope_code, figures, revisions, offsets, published_at, published_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                List.of(s.snapshotId(), s.reportId(), s.periodKind(), s.calendar(), s.periodKey(), s.periodStart(),
                        s.periodEnd(), s.scope(), code(s.scopeCode()), json(s.report()), json(s.report().revisions()),
                        json(s.offsetsReflected()), s.publishedAt(), s.publishedBy()));
    }

    Optional<Snapshot> get(UUID snapshotId) {
        return select("where id = ?", List.of(snapshotId)).stream().findFirst();
    }

    /** The latest published reports, newest first. */
    List<Snapshot> latest() {
        return select("order by published_at desc limit 200", List.of());
    }

    /** The latest published reports of the nation (if {@code national}) and of the listed provinces, newest first. */
    List<Snapshot> latest(boolean national, java.util.Collection<String> provinces) {
        return select("where (? and scope_code = '') or scope_code = any(?) order by published_at desc limit 200",
                List.of(national, new vn.inspectorate.platform.sql.Sql.ArrayOf("text", provinces)));
    }

    /** The report of a period at a scope (province code, or null for the nation), if it was published. */
    Optional<Snapshot> find(Period period, String scope, String scopeCode) {
        return select("where calendar = ? and period_key = ? and scope = ? and scope_code = ?",
                List.of(period.calendar().name(), period.key(), scope, code(scopeCode))).stream().findFirst();
    }

    /** Every report of a calendar at a scope, oldest first. */
    List<Snapshot> all(Calendar calendar, String scope, String scopeCode) {
        return select("where calendar = ? and scope = ? and scope_code = ? order by published_at",
                List.of(calendar.name(), scope, code(scopeCode)));
    }

    /** The national report has no scope code: '' in the table (part of the unique key), null outside. */
    private static String code(String scopeCode) {
        return scopeCode == null ? "" : scopeCode;
    }

    private List<Snapshot> select(String where, List<?> params) {
        return sql.query("""
                select id, report_id, period_kind, calendar, period_key, period_start, period_end, scope,
                    published_at, published_by, offsets::text, figures::text, scope_code from report_snapshot"""
                        + " " + where,
                params, rs -> {
                    try {
                        return new Snapshot(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(),
                                rs.getDate(7).toLocalDate(), rs.getString(8),
                                rs.getString(13).isEmpty() ? null : rs.getString(13),
                                rs.getObject(9, OffsetDateTime.class), rs.getString(10),
                                List.of(mapper.readValue(rs.getString(11), ReportPublished.TopicOffset[].class)),
                                mapper.readValue(rs.getString(12), NationalReport.class));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("unreadable snapshot", e);
                    }
                });
    }

    private Sql.Json json(Object value) {
        try {
            return new Sql.Json(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

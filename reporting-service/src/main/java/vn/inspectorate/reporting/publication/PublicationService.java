package vn.inspectorate.reporting.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.contracts.reports.ReportPublished;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.platform.sql.Sql;
import vn.inspectorate.reporting.figures.Figure;
import vn.inspectorate.reporting.figures.FigureQueries;
import vn.inspectorate.reporting.figures.ReportFilter;
import vn.inspectorate.reporting.national.NationalReport;
import vn.inspectorate.reporting.national.NationalReports;
import vn.inspectorate.reporting.periods.Calendar;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.periods.PeriodCalendar;
import vn.inspectorate.reporting.projection.ProjectionStore;
import vn.inspectorate.reporting.units.UnitMode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Closes a period's national report: freezes its figures with the consumer positions they reflect, lists the figures
 * of earlier published reports that changed since (revisions), and emits {@code report.published}, all in one
 * transaction: the one of the request. Closing the same period again answers the snapshot already published.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PublicationService {

    static final String NATIONAL = "NATIONAL";

    private final Sql sql;
    private final ObjectMapper mapper;
    private final NationalReports reports;
    private final FigureQueries queries;
    private final PeriodCalendar periods;
    private final ProjectionStore store;
    private final Outbox outbox;

    PublicationService(Sql sql, ObjectMapper mapper, NationalReports reports, FigureQueries queries,
            PeriodCalendar periods, ProjectionStore store, Outbox outbox) {
        this.sql = sql;
        this.mapper = mapper;
        this.reports = reports;
        this.queries = queries;
        this.periods = periods;
        this.store = store;
        this.outbox = outbox;
    }

    public record Published(Snapshot snapshot, boolean created) {
    }

    /** A frozen report. */
    @Schema(name = "PublishedReport")
    public record Snapshot(UUID snapshotId, UUID reportId, String periodKind, String calendar, String periodKey,
            LocalDate periodStart, LocalDate periodEnd, String scope, OffsetDateTime publishedAt, String publishedBy,
            List<ReportPublished.TopicOffset> offsetsReflected, NationalReport report) {
    }

    public Published publish(Period period, LocalDate today, String by) {
        if (!sql.query("select 1 from projection_rebuild where state = 'RUNNING'", List.of(), rs -> 1).isEmpty()) {
            throw ProblemException.conflict("rebuild-running", "The projections are being rebuilt; publish when the "
                    + "rebuild is done.", Map.of());
        }
        // no event transaction runs while the figures and the positions are read: they match exactly
        store.lockExclusive();
        Optional<Snapshot> existing = find(period.calendar().name(), period.key());
        if (existing.isPresent()) {
            return new Published(existing.get(), false);
        }
        ReportFilter national = new ReportFilter(null, null, null, null, null, UnitMode.FILED);
        NationalReport report = reports.build(period, national, today).withRevisions(revisions(period.calendar()));
        List<ReportPublished.TopicOffset> offsets = store.positions().stream()
                .map(p -> new ReportPublished.TopicOffset(p.topic(), p.partition(), p.nextOffset())).toList();
        UUID snapshotId = UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        OffsetDateTime now = VietnamTime.now().truncatedTo(ChronoUnit.MICROS);
        sql.update("""
                insert into report_snapshot (id, report_id, period_kind, calendar, period_key, period_start, period_end,
                    scope, scope_code, figures, revisions, offsets, published_at, published_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)""",
                List.of(snapshotId, reportId, period.kind().name(), period.calendar().name(), period.key(),
                        period.start(), period.end(), NATIONAL, json(report), json(report.revisions()), json(offsets),
                        now, by));
        outbox.publish(reportId.toString(), new ReportPublished(reportId, 1, now, period.kind().name(), period.calendar().name(), period.start(), period.end(), NATIONAL, null,
                snapshotId, offsets));
        return new Published(new Snapshot(snapshotId, reportId, period.kind().name(), period.calendar().name(),
                period.key(), period.start(), period.end(), NATIONAL, now, by, offsets, report), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Snapshot> get(UUID snapshotId) {
        return select("where id = ?", List.of(snapshotId)).stream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Snapshot> list() {
        return select("order by published_at desc limit 200", List.of());
    }

    private Optional<Snapshot> find(String calendar, String key) {
        return select("where calendar = ? and period_key = ? and scope = ? and scope_code = ''",
                List.of(calendar, key, NATIONAL)).stream().findFirst();
    }

    /**
     * Figures of earlier national reports in this calendar whose value now differs from the value last reported for
     * them (in their own report, or as a revision in a later one), so a correction is reported once.
     */
    private List<NationalReport.Revision> revisions(Calendar calendar) {
        ReportFilter national = new ReportFilter(null, null, null, null, null, UnitMode.FILED);
        List<Snapshot> earlier = select("where calendar = ? and scope = ? order by published_at",
                List.of(calendar.name(), NATIONAL));
        Map<String, Map<String, Long>> lastReported = new java.util.LinkedHashMap<>();
        for (Snapshot s : earlier) {
            Map<String, Long> own = lastReported.computeIfAbsent(s.periodKey(), k -> new java.util.HashMap<>());
            s.report().figures().forEach(f -> own.put(f.figure(), f.value()));
            for (NationalReport.Revision r : s.report().revisions()) {
                lastReported.computeIfAbsent(r.periodKey(), k -> new java.util.HashMap<>())
                        .put(r.figure(), r.currentValue());
            }
        }
        List<NationalReport.Revision> revisions = new ArrayList<>();
        lastReported.forEach((key, reported) -> {
            Period p = periods.parse(key, calendar).orElseThrow();
            Map<Figure, Long> now = queries.sums(p, national);
            for (Figure f : Figure.values()) {
                Long before = reported.get(f.code());
                if (!f.isNow() && before != null) {
                    long current = now.getOrDefault(f, 0L);
                    if (current != before) {
                        revisions.add(new NationalReport.Revision(key, calendar.name(), p.start(), p.end(), f.code(),
                                before, current));
                    }
                }
            }
        });
        return revisions;
    }

    private List<Snapshot> select(String where, List<?> params) {
        return sql.query("""
                select id, report_id, period_kind, calendar, period_key, period_start, period_end, scope,
                    published_at, published_by, offsets::text, figures::text from report_snapshot""" + " " + where,
                params, rs -> {
                    try {
                        return new Snapshot(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(),
                                rs.getDate(7).toLocalDate(), rs.getString(8),
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

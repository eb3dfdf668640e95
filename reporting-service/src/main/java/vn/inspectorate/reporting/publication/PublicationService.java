package vn.inspectorate.reporting.publication;

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
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.contracts.reports.ReportPublished;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.time.VietnamTime;
import vn.inspectorate.reporting.figures.Figure;
import vn.inspectorate.reporting.figures.FigureQueries;
import vn.inspectorate.reporting.figures.ReportFilter;
import vn.inspectorate.reporting.national.NationalReport;
import vn.inspectorate.reporting.national.NationalReports;
import vn.inspectorate.reporting.periods.Calendar;
import vn.inspectorate.reporting.periods.Period;
import vn.inspectorate.reporting.periods.PeriodCalendar;
import vn.inspectorate.reporting.projection.ProjectionStore;
import vn.inspectorate.reporting.rebuild.RebuildService;
import vn.inspectorate.reporting.units.UnitMode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Closes a period's report, national or of one province (which the province publishes itself): freezes its figures with the consumer positions they reflect, lists the figures
 * of earlier published reports that changed since (revisions), and emits {@code report.published}, all in one
 * transaction: the one of the request. Closing the same period again answers the snapshot already published.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PublicationService {

    static final String NATIONAL = "NATIONAL";
    static final String PROVINCE = "PROVINCE";
    /** A national report counts every province under the units as filed. */
    private static final ReportFilter NATIONAL_FIGURES = new ReportFilter(null, null, null, null, null, UnitMode.FILED);

    private final SnapshotStore snapshots;
    private final NationalReports reports;
    private final FigureQueries queries;
    private final PeriodCalendar periods;
    private final ProjectionStore store;
    private final Outbox outbox;
    private final RebuildService rebuilds;

    PublicationService(SnapshotStore snapshots, NationalReports reports, FigureQueries queries,
            PeriodCalendar periods, ProjectionStore store, Outbox outbox, RebuildService rebuilds) {
        this.snapshots = snapshots;
        this.reports = reports;
        this.queries = queries;
        this.periods = periods;
        this.store = store;
        this.outbox = outbox;
        this.rebuilds = rebuilds;
    }

    public record Published(Snapshot snapshot, boolean created) {
    }

    /** A frozen report. */
    @Schema(name = "PublishedReport")
    public record Snapshot(UUID snapshotId, UUID reportId, String periodKind, String calendar, String periodKey,
            LocalDate periodStart, LocalDate periodEnd,
            @Schema(enumeration = {"NATIONAL", "PROVINCE"}) String scope,
            @Schema(nullable = true, description = "The province of a province's report; null for the national one.")
            String scopeCode,
            OffsetDateTime publishedAt, String publishedBy,
            List<ReportPublished.TopicOffset> offsetsReflected, NationalReport report) {

        public boolean national() {
            return scopeCode == null;
        }
    }

    /** Closes the national report of a period. */
    public Published publish(Period period, LocalDate today, String by) {
        return publish(period, null, today, by);
    }

    /**
     * Closes the report of a period for the nation ({@code province} null) or for one province: the province's own
     * figures under the units as filed, revised against its own earlier reports.
     */
    public Published publish(Period period, String province, LocalDate today, String by) {
        // no event transaction runs while the figures and the positions are read: they match exactly. A rebuild
        // records itself as RUNNING before it takes the same lock to empty the figures, so checking after it sees
        // every rebuild that could have emptied them.
        store.lockExclusive();
        if (rebuilds.running()) {
            throw ProblemException.keyed(409, "rebuild-running", "problem.rebuild-running.publish");
        }
        String scope = province == null ? NATIONAL : PROVINCE;
        Optional<Snapshot> existing = snapshots.find(period, scope, province);
        if (existing.isPresent()) {
            return new Published(existing.get(), false);
        }
        ReportFilter figures = figuresOf(province);
        OffsetDateTime now = VietnamTime.now().truncatedTo(ChronoUnit.MICROS);
        // the frozen report's "now" figures are the state at its publication, and say so
        NationalReport report = reports.build(period, figures, today)
                .withRevisions(revisions(period.calendar(), scope, province, figures)).nowFiguresReadAt(now);
        List<ReportPublished.TopicOffset> offsets = store.positions().stream()
                .map(p -> new ReportPublished.TopicOffset(p.topic(), p.partition(), p.nextOffset())).toList();
        UUID snapshotId = TimeOrderedIds.next();
        UUID reportId = TimeOrderedIds.next();
        Snapshot snapshot = new Snapshot(snapshotId, reportId, period.kind().name(), period.calendar().name(),
                period.key(), period.start(), period.end(), scope, province, now, by, offsets, report);
        snapshots.insert(snapshot);
        outbox.publish(reportId.toString(), new ReportPublished(reportId, 1, now, period.kind().name(),
                period.calendar().name(), period.start(), period.end(), scope, province, snapshotId, offsets));
        return new Published(snapshot, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Snapshot> get(UUID snapshotId) {
        return snapshots.get(snapshotId);
    }

    /** One page of the published reports a reader may see: all ({@code all}), else the nation's and the provinces'. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Snapshot> list(PageRequest page, boolean all, boolean national, java.util.Collection<String> provinces) {
        return snapshots.latest(page, all, national, provinces);
    }

    /** A province's report counts its own filed records, as the province filed them. */
    private static ReportFilter figuresOf(String province) {
        return province == null ? NATIONAL_FIGURES
                : new ReportFilter(province, java.util.Set.of(province), null, null, null, UnitMode.FILED);
    }

    /**
     * Figures of earlier reports of the same scope in this calendar whose value now differs from the value last
     * reported for them (in their own report, or as a revision in a later one), so a correction is reported once.
     */
    private List<NationalReport.Revision> revisions(Calendar calendar, String scope, String province,
            ReportFilter figures) {
        List<Snapshot> earlier = snapshots.all(calendar, scope, province);
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
            Map<Figure, Long> now = queries.sums(p, figures);
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
}

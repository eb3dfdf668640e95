package vn.inspectorate.complaints.deadlines;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.inspectorate.complaints.cases.BusinessDate;
import vn.inspectorate.complaints.cases.CaseEvents;
import vn.inspectorate.complaints.cases.CitizenCase;

/**
 * Emits {@code case.overdue} once per case, step and deadline: the notice row's primary key makes a second notice
 * for the same deadline impossible, however often (or on however many instances) the scan runs. An extended deadline
 * is a new deadline and gets its own notice when it passes. A case loaded as history is never noticed.
 */
@ApplicationScoped
public class OverdueScanner {

    private static final Logger LOG = Logger.getLogger(OverdueScanner.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final CaseEvents events;

    OverdueScanner(EntityManager em, CaseEvents events) {
        this.em = em;
        this.events = events;
    }

    @Scheduled(every = "${inspectorate.complaints.overdue-scan.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int total = 0;
        int noticed;
        do {
            noticed = scan(BusinessDate.today());
            total += noticed;
        } while (noticed == BATCH);
        if (total > 0) {
            LOG.infof("%d overdue notices emitted", total);
        }
    }

    /** Notices up to one batch of deadlines that passed before {@code today}; returns how many were new. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int scan(LocalDate today) {
        List<Object[]> due = em.createNativeQuery("""
                select c.id, 'ACCEPTANCE', c.acceptance_due_on from citizen_case c
                where not c.backfilled and c.status in ('RECEIVED', 'CLASSIFIED') and c.acceptance_due_on < ?1
                  and not exists (select 1 from case_overdue_notice n
                                  where n.case_id = c.id and n.step = 'ACCEPTANCE' and n.due_on = c.acceptance_due_on)
                union all
                select c.id, 'RESOLUTION', c.resolution_due_on from citizen_case c
                join rule_set r on r.version = c.rule_set_version
                where not c.backfilled
                  and (c.status in ('ACCEPTED', 'ASSIGNED') or (c.status = 'PAUSED' and r.paused_time_counts))
                  and c.resolution_due_on < ?1
                  and not exists (select 1 from case_overdue_notice n
                                  where n.case_id = c.id and n.step = 'RESOLUTION' and n.due_on = c.resolution_due_on)
                union all
                select c.id, 'DENOUNCER_NOTICE', c.notify_due_on from citizen_case c
                where not c.backfilled and c.status in ('ACCEPTED', 'ASSIGNED') and c.notify_due_on < ?1
                  and c.denouncer_notified_on is null
                  and not exists (select 1 from case_overdue_notice n
                                  where n.case_id = c.id and n.step = 'DENOUNCER_NOTICE' and n.due_on = c.notify_due_on)
                limit ?2""").setParameter(1, today).setParameter(2, BATCH).getResultList();
        int noticed = 0;
        for (Object[] row : due) {
            UUID id = (UUID) row[0];
            String step = (String) row[1];
            LocalDate dueOn = row[2] instanceof Date d ? d.toLocalDate() : (LocalDate) row[2];
            int inserted = em.createNativeQuery("""
                    insert into case_overdue_notice (case_id, step, due_on) values (?1, ?2, ?3) on conflict do nothing""")
                    .setParameter(1, id).setParameter(2, step).setParameter(3, dueOn).executeUpdate();
            if (inserted == 0) {
                continue;
            }
            CitizenCase c = CitizenCase.findById(id, LockModeType.PESSIMISTIC_WRITE);
            c.changed();
            events.publish(c, CaseEvents.overdueOf(c, step, dueOn, (int) ChronoUnit.DAYS.between(dueOn, today)));
            noticed++;
        }
        return noticed;
    }
}

package vn.inspectorate.complaints.deadlines;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;
import vn.inspectorate.complaints.cases.BusinessDate;
import vn.inspectorate.complaints.cases.CaseEvents;
import vn.inspectorate.complaints.cases.CaseStore;
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

    private final CaseStore store;
    private final CaseEvents events;

    OverdueScanner(CaseStore store, CaseEvents events) {
        this.store = store;
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
    public int scan(LocalDate today) {
        int noticed = 0;
        for (CaseStore.Due due : store.overdue(today, BATCH)) {
            if (!store.noticeOverdue(due)) {
                continue;
            }
            CitizenCase c = store.findById(due.caseId(), LockModeType.PESSIMISTIC_WRITE);
            c.changed();
            events.publish(c, CaseEvents.overdueOf(c, due.step(), due.dueOn(),
                    (int) ChronoUnit.DAYS.between(due.dueOn(), today)));
            noticed++;
        }
        return noticed;
    }
}

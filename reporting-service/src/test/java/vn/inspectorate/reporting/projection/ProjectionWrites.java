package vn.inspectorate.reporting.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Writes to the projection the way the projector does (one transaction per record), for tests outside the package. */
public final class ProjectionWrites {

    private ProjectionWrites() {
    }

    public static void replaceContributions(ProjectionStore store, UUID recordId, List<Contribution> next) {
        QuarkusTransaction.requiringNew().run(() -> {
            store.lockShared();
            FigureChanges figures = new FigureChanges(store);
            figures.replace(recordId, next);
            figures.flush();
        });
    }

    /** Saves a case's current state: open unless {@code resolvedOn} is set. */
    public static void saveCaseState(ProjectionStore store, UUID caseId, String province, String body, String kind,
            LocalDate dueOn, LocalDate resolvedOn, boolean onWatchlist) {
        CaseFold f = new CaseFold();
        f.province = province;
        f.receivingBody = body;
        f.kind = kind;
        f.dueOn = dueOn;
        f.resolvedOn = resolvedOn;
        f.onWatchlist = onWatchlist;
        QuarkusTransaction.requiringNew().run(() -> {
            store.lockShared();
            CaseStates cases = new CaseStates(store);
            cases.save(caseId, f);
            cases.flush();
        });
    }
}

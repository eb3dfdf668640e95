package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;

/** Finds a case the caller may see; another province's case is "not found", so its existence does not leak. */
@ApplicationScoped
public class CaseAccess {

    private final CallerScope caller;

    CaseAccess(CallerScope caller) {
        this.caller = caller;
    }

    public CitizenCase visible(UUID id) {
        CitizenCase c = CitizenCase.findById(id);
        return check(c);
    }

    /** The case, locked for a change. */
    public CitizenCase forUpdate(UUID id) {
        CitizenCase c = CitizenCase.findById(id, LockModeType.PESSIMISTIC_WRITE);
        return check(c);
    }

    private CitizenCase check(CitizenCase c) {
        if (c == null || !caller.maySee(c.provinceCode)) {
            throw ProblemException.keyed(404, "not-found", "case.not-found");
        }
        return c;
    }
}

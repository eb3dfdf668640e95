package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.reference.AdministrativeUnitTables;
import vn.inspectorate.reference.AdministrativeUnitRegister;
import vn.inspectorate.reference.InspectionBodyRegister;
import vn.inspectorate.platform.transaction.TransactionEnd;

/**
 * This service's copy of the provincial units and the inspection bodies, read whole from its tables and kept until
 * {@link #reload()} (a change to either table calls it). Every dated check of a province or a body goes through here.
 */
@ApplicationScoped
public class ReferenceRegisters {

    private final AdministrativeUnitTables units;
    private final InspectionBodyStore bodies;
    private final TransactionEnd transactionEnd;
    private volatile Registers current;

    ReferenceRegisters(AdministrativeUnitTables units, InspectionBodyStore bodies,
            TransactionEnd transactionEnd) {
        this.units = units;
        this.bodies = bodies;
        this.transactionEnd = transactionEnd;
    }

    private record Registers(AdministrativeUnitRegister units, InspectionBodyRegister bodies) {
    }

    /** Reads both tables again; the next check answers by what they hold now. */
    public void reload() {
        current = load();
    }

    /**
     * Forgets both registers once the caller's transaction commits (an admin's change): the next check reads the
     * tables as committed, never a change that was rolled back.
     */
    public void reloadAfterCommit() {
        transactionEnd.afterCommit(() -> current = null);
    }

    public AdministrativeUnitRegister units() {
        return registers().units();
    }

    public InspectionBodyRegister bodies() {
        return registers().bodies();
    }

    /** A province code must name a unit in force on {@code on}; else a 422 naming {@code field} (and the successor). */
    public void requireProvinceInForce(String code, LocalDate on, String field) {
        units().refusal(code, on).ifPresent(reason -> {
            throw ProblemException.unprocessable("province-not-in-force", "Province " + code + " cannot be used for "
                    + on + ": " + reason + ".", List.of(new Problem.FieldError(field, reason)));
        });
    }

    /**
     * The body must be in force on {@code on}; else a 422 naming the date's field and the body's, whose detail names
     * the body's successor.
     */
    public void requireBodyInForce(InspectionBody body, LocalDate on, String dateField, String bodyField) {
        bodies().refusal(body.code, on).ifPresent(detail -> {
            throw ProblemException.unprocessable("body-not-in-force", detail, List.of(
                    new Problem.FieldError(dateField, "body " + body.code + " was not in force on this date"),
                    new Problem.FieldError(bodyField, "not in force on " + on + successorNote(body.code, on))));
        });
    }

    /** The body must be in force on some day of {@code year}, as its plan for that year needs. */
    public void requireBodyInForceIn(InspectionBody body, int year, String yearField, String bodyField) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        boolean inYear = !body.validFrom.isAfter(last) && (body.validTo == null || !body.validTo.isBefore(first));
        if (!inYear) {
            LocalDate probe = body.validFrom.isAfter(last) ? last : first;
            String detail = bodies().refusal(body.code, probe).orElse("Inspection body " + body.code
                    + " was not in force in " + year + ".");
            throw ProblemException.unprocessable("body-not-in-force", detail, List.of(
                    new Problem.FieldError(yearField, "body " + body.code + " was not in force in this year"),
                    new Problem.FieldError(bodyField, "not in force in " + year + successorNote(body.code, probe))));
        }
    }

    private String successorNote(String code, LocalDate on) {
        return bodies().inForceSuccessor(code, on).filter(s -> !s.code().equals(code))
                .map(s -> "; its successor is " + s.code()).orElse("");
    }

    private Registers registers() {
        Registers r = current;
        if (r == null) {
            r = load();
            current = r;
        }
        return r;
    }

    private Registers load() {
        return new Registers(units.register(), bodies.register());
    }
}

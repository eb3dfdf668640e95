package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.reference.AdministrativeUnitTables;
import vn.inspectorate.platform.reference.ReferenceChange;
import vn.inspectorate.platform.reference.ReferenceChangeHandler;
import vn.inspectorate.platform.reference.ReferenceSnapshot;
import vn.inspectorate.reference.AdministrativeUnitRegister;
import vn.inspectorate.reference.InspectionBodyRegister;
import vn.inspectorate.reference.Refusal;
import vn.inspectorate.platform.transaction.TransactionEnd;

/**
 * This service's copy of the provincial units and the inspection bodies, read whole from its tables and kept. An
 * admin's change through this instance has it read them again once the change commits; a change through another
 * instance when its {@code reference.inspection-body-changed} event arrives; the maximum age
 * ({@code inspectorate.inspection.reference-data.max-age}) is the backstop for changes without an event (a migration,
 * a correction by hand) and an event missed. Every dated check of a province or a body goes through here.
 */
@ApplicationScoped
public class ReferenceRegisters implements ReferenceChangeHandler {

    private final AdministrativeUnitTables units;
    private final InspectionBodyStore bodies;
    private final TransactionEnd transactionEnd;
    private final ReferenceSnapshot<Registers> current;

    ReferenceRegisters(AdministrativeUnitTables units, InspectionBodyStore bodies, TransactionEnd transactionEnd,
            @ConfigProperty(name = "inspectorate.inspection.reference-data.max-age", defaultValue = "PT5M")
            Duration maxAge) {
        this.units = units;
        this.bodies = bodies;
        this.transactionEnd = transactionEnd;
        this.current = new ReferenceSnapshot<>(maxAge, this::load);
    }

    private record Registers(AdministrativeUnitRegister units, InspectionBodyRegister bodies) {
    }

    /** Forgets both registers; the next check answers by what the tables hold now. */
    public void reload() {
        current.invalidate();
    }

    /**
     * Forgets both registers once the caller's transaction commits (an admin's change): the next check reads the
     * tables as committed, never a change that was rolled back.
     */
    public void reloadAfterCommit() {
        transactionEnd.afterCommit(current::invalidate);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(EventTypes.REFERENCE_INSPECTION_BODY_CHANGED);
    }

    /** A body changed through any instance: both registers are read again at the next check. */
    @Override
    public void changed(ReferenceChange change) {
        current.invalidate();
    }

    public AdministrativeUnitRegister units() {
        return registers().units();
    }

    public InspectionBodyRegister bodies() {
        return registers().bodies();
    }

    /** A province code must name a unit in force on {@code on}; else a 422 naming {@code field} (and the successor). */
    public void requireProvinceInForce(String code, LocalDate on, String field) {
        units().refusalReason(code, on).ifPresent(reason -> {
            throw ProblemException.unprocessable("province-not-in-force",
                    List.of(Problem.FieldError.of(field, reason.key(), reason.arguments())),
                    "reference.province-not-in-force", code, on.toString(),
                    new Problem.Text(reason.key(), reason.arguments()));
        });
    }

    /**
     * The body must be in force on {@code on}; else a 422 naming the date's field and the body's, whose detail names
     * the body's successor.
     */
    public void requireBodyInForce(InspectionBody body, LocalDate on, String dateField, String bodyField) {
        bodies().refusalReason(body.code, on).ifPresent(reason -> {
            throw ProblemException.unprocessable("body-not-in-force", List.of(
                    Problem.FieldError.of(dateField, "reference.body-not-in-force.on-date", body.code),
                    notInForce(bodyField, body.code, on, "reference.body-not-in-force.on", on)),
                    reason.key(), reason.arguments());
        });
    }

    /** The body must be in force on some day of {@code year}, as its plan for that year needs. */
    public void requireBodyInForceIn(InspectionBody body, int year, String yearField, String bodyField) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        boolean inYear = !body.validFrom.isAfter(last) && (body.validTo == null || !body.validTo.isBefore(first));
        if (!inYear) {
            LocalDate probe = body.validFrom.isAfter(last) ? last : first;
            Refusal detail = bodies().refusalReason(body.code, probe)
                    .orElse(Refusal.of("reference.body-not-in-force.year", body.code, year));
            throw ProblemException.unprocessable("body-not-in-force", List.of(
                    Problem.FieldError.of(yearField, "reference.body-not-in-force.in-this-year", body.code),
                    notInForce(bodyField, body.code, probe, "reference.body-not-in-force.in", year)),
                    detail.key(), detail.arguments());
        }
    }

    /** The body's field error "not in force on/in {when}", naming the successor when another body took over. */
    private Problem.FieldError notInForce(String field, String code, LocalDate on, String key, Object when) {
        String whenText = String.valueOf(when);
        return bodies().inForceSuccessor(code, on).filter(s -> !s.code().equals(code))
                .map(s -> Problem.FieldError.of(field, key + "-successor", whenText, s.code()))
                .orElseGet(() -> Problem.FieldError.of(field, key, whenText));
    }

    private Registers registers() {
        return current.get();
    }

    private Registers load() {
        return new Registers(units.register(), bodies.register());
    }
}

package vn.inspectorate.inspection.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.reference.AdministrativeUnitRegister;
import vn.inspectorate.reference.InspectionBodyRegister;

/**
 * This service's copy of the provincial units and the inspection bodies, read whole from its tables and kept until
 * {@link #reload()} (a change to either table calls it). Every dated check of a province or a body goes through here.
 */
@ApplicationScoped
public class ReferenceRegisters {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private volatile Registers current;

    ReferenceRegisters(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
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
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    current = null;
                }
            }
        });
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

    @SuppressWarnings("unchecked")
    private Registers load() {
        List<Object[]> units = em.createNativeQuery(
                "select code, name, valid_from, valid_to from administrative_unit").getResultList();
        List<Object[]> successions = em.createNativeQuery(
                "select old_code, new_code, effective_on from administrative_unit_succession").getResultList();
        List<Object[]> bodies = em.createNativeQuery("""
                select code, name, level, province_code, valid_from, valid_to, successor_code, certainty
                from inspection_body""").getResultList();
        return new Registers(
                new AdministrativeUnitRegister(
                        units.stream().map(r -> new AdministrativeUnitRegister.Unit((String) r[0], (String) r[1],
                                date(r[2]), date(r[3]))).toList(),
                        successions.stream().map(r -> new AdministrativeUnitRegister.Succession((String) r[0],
                                (String) r[1], date(r[2]))).toList()),
                new InspectionBodyRegister(bodies.stream().map(r -> new InspectionBodyRegister.Body((String) r[0],
                        (String) r[1], (String) r[2], (String) r[3], date(r[4]), date(r[5]), (String) r[6],
                        (String) r[7])).toList()));
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}

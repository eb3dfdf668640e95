package vn.inspectorate.inspection.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/** An inspectorate (dated reference data): its level decides the duration limits of its inspections. */
@Entity
@Table(name = "inspection_body")
public class InspectionBody extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String level;
    /** Null for central and sector (ministry) bodies. */
    public String provinceCode;
    /** The first and the last day in force; no last day while it is in force. */
    public LocalDate validFrom;
    public LocalDate validTo;
    /** The body that took over its work after {@link #validTo} (a merger). */
    public String successorCode;
    /** {@code UNCERTAIN} until an admin confirms or corrects an entry whose sources disagree. */
    public String certainty;
    public String source;
    /** Counts the admin's changes to the body: the version of its reference events. */
    public long version;

    /**
     * Ends the body the day before {@code from}: a 409 when it has ended already (a correction is a confirmation),
     * a 422 when {@code from} is not after its first day.
     */
    public void endBefore(LocalDate from) {
        if (validTo != null) {
            throw ProblemException.conflict("body-already-ended", Map.of("validTo", validTo.toString()),
                    successorCode == null ? "body.already-ended" : "body.already-merged", code, validTo.toString(),
                    String.valueOf(successorCode));
        }
        if (!from.isAfter(validFrom)) {
            throw ProblemException.unprocessable("invalid-dates", List.of(Problem.FieldError.of("from",
                    "body.end-before-start.error")), "body.end-before-start", code, validFrom.toString());
        }
        validTo = from.minusDays(1);
    }

    /** Whether the body is in force on {@code day}. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}

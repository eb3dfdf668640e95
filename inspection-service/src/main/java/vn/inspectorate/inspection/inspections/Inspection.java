package vn.inspectorate.inspection.inspections;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * An inspection opened by a decision. The duration limits of the rule in force on the decision date are copied onto
 * it, so a later rule change does not move a running inspection's deadline.
 */
@Entity
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {

    @Id
    public UUID id;
    public String bodyCode;
    public String provinceCode;
    public String decisionNumber;
    public LocalDate decisionDate;
    /** The decision date's year, computed by the table: with the body and number, the decision's natural key. */
    @Column(insertable = false, updatable = false)
    public Integer decisionYear;
    public String legalBasis;
    public String team;
    public String inspectionType;
    public String subject;
    public String entityCode;
    public int inspectionYear;
    public UUID plannedInspectionId;
    public UUID planId;
    public UUID reInspectionOf;
    public String status;
    public LocalDate openedOn;
    public int baseDays;
    public int extensionsUsed;
    public int extensionDaysTotal;
    public int maxExtensions;
    public int extensionDaysLimit;
    public LocalDate dueOn;
    public LocalDate reportSubmittedOn;
    public long version;
    public String createdBy;
    public OffsetDateTime createdAt;
    /** Loaded as history: counted by reports, ignored by live operations (never overrun). */
    public boolean backfilled;

    public InspectionStatus state() {
        return InspectionStatus.valueOf(status);
    }

    /** Moves to {@code target}, or answers 409 naming the transitions allowed from the current status. */
    public void moveTo(InspectionStatus target) {
        InspectionStatus current = state();
        if (!current.next().contains(target)) {
            throw ProblemException.conflict("invalid-transition", Map.of("currentStatus", current.name(),
                    "allowedTransitions", current.next().stream().map(Enum::name).toList()), "inspection.transition",
                    new Problem.Text("inspection.status." + current.name()),
                    new Problem.Text("inspection.status." + target.name()));
        }
        status = target.name();
    }

    /** The team starts work, on or after the opening. */
    public void start(LocalDate startedOn) {
        moveTo(InspectionStatus.IN_PROGRESS);
        if (startedOn.isBefore(openedOn)) {
            throw invalidField("startedOn", "inspection.start-before-opening", openedOn.toString());
        }
        version++;
    }

    /**
     * An extension within the level's limit (number of extensions and days each) copied onto the inspection from its
     * rule; answers the extension to record.
     */
    public InspectionExtension extend(int extraDays, String reasonCode, LocalDate decidedOn) {
        moveTo(InspectionStatus.EXTENDED);
        if (extensionsUsed >= maxExtensions) {
            throw ProblemException.unprocessable("extension-limit", List.of(Problem.FieldError.of("extraDays",
                    "inspection.extension-limit.error", maxExtensions)), "inspection.extension-limit", maxExtensions);
        }
        if (extraDays > extensionDaysLimit) {
            throw invalidField("extraDays", "inspection.extension-too-long", extensionDaysLimit);
        }
        if (decidedOn.isBefore(openedOn) || decidedOn.isAfter(dueOn)) {
            throw invalidField("decidedOn", "inspection.extension-outside-run", openedOn.toString(), dueOn.toString());
        }
        extensionsUsed++;
        extensionDaysTotal += extraDays;
        dueOn = dueOn.plusDays(extraDays);
        version++;
        InspectionExtension extension = new InspectionExtension();
        extension.id = TimeOrderedIds.next();
        extension.inspectionId = id;
        extension.number = extensionsUsed;
        extension.extraDays = extraDays;
        extension.reasonCode = reasonCode;
        extension.decidedOn = decidedOn;
        extension.newDueOn = dueOn;
        return extension;
    }

    /** The team's report, not dated before the opening. */
    public void submitReport(LocalDate submittedOn) {
        moveTo(InspectionStatus.REPORT_SUBMITTED);
        if (submittedOn.isBefore(openedOn)) {
            throw invalidField("submittedOn", "inspection.report-before-opening", openedOn.toString());
        }
        reportSubmittedOn = submittedOn;
        version++;
    }

    /** The concluded inspection's recommendations are followed up. */
    public void startFollowUp() {
        moveTo(InspectionStatus.FOLLOW_UP);
        version++;
    }

    /**
     * A 422 naming {@code field}, typed after it: its detail is {@code key} in the message bundles and the field's
     * message {@code key.error}, both with {@code args}.
     */
    static ProblemException invalidField(String field, String key, Object... args) {
        return ProblemException.unprocessable("invalid-" + field.replaceAll("[^A-Za-z]", "-").toLowerCase(),
                List.of(Problem.FieldError.of(field, key + ".error", args)), key, args);
    }

    /**
     * Past its due date while still running, or its team's report came after the due date. A record loaded as history
     * is never flagged: its deadlines were kept (or not) before the platform knew it.
     */
    public boolean overrun(LocalDate today) {
        if (backfilled) {
            return false;
        }
        if (state().running()) {
            return today.isAfter(dueOn);
        }
        return reportSubmittedOn != null && reportSubmittedOn.isAfter(dueOn);
    }
}

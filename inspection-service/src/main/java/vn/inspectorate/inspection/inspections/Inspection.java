package vn.inspectorate.inspection.inspections;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

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

package vn.inspectorate.inspection.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.inspection.reference.ReferenceData;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/** An inspection body's annual plan. */
@Entity
@Table(name = "inspection_plan")
public class InspectionPlan extends PanacheEntityBase {

    @Id
    public UUID id;
    public String bodyCode;
    public String provinceCode;
    public int planYear;
    public String status;
    public long version;
    public String createdBy;
    public OffsetDateTime createdAt;
    public OffsetDateTime submittedAt;
    public String approvedBy;
    public LocalDate approvedOn;
    /** Loaded as history: approved as loaded, its event marked backfilled. */
    public boolean backfilled;

    public PlanStatus state() {
        return PlanStatus.valueOf(status);
    }

    /** A draft goes to its approver; a plan already submitted stays as it is. */
    public void submit(boolean hasItems) {
        if (state() == PlanStatus.SUBMITTED) {
            return;
        }
        if (state() != PlanStatus.DRAFT) {
            throw conflict("plan.status.submit");
        }
        if (!hasItems) {
            throw ProblemException.unprocessable("empty-plan", List.of(Problem.FieldError.of("inspections",
                    "plan.empty.error")), "plan.empty");
        }
        status = PlanStatus.SUBMITTED.name();
        submittedAt = ReferenceData.now();
        version++;
    }

    /** The head of the body approves the submitted plan on {@code on}. */
    public void approve(String approver, LocalDate on) {
        if (state() != PlanStatus.SUBMITTED) {
            throw conflict("plan.status.approve");
        }
        status = PlanStatus.APPROVED.name();
        approvedBy = approver;
        approvedOn = on;
        version++;
    }

    /** 409 unless the plan is a draft, the only state that takes items one by one. */
    public void requireDraft() {
        if (state() != PlanStatus.DRAFT) {
            throw conflict("plan.status.add");
        }
    }

    /** 409 unless the plan is in force, the only state an amendment changes. */
    public void requireInForce() {
        if (!state().inForce()) {
            throw conflict("plan.status.amend");
        }
    }

    /** An item was added to the draft. */
    public void itemAdded() {
        version++;
    }

    /** An amendment was recorded: the plan stays in force, amended. */
    public void amended() {
        status = PlanStatus.AMENDED.name();
        version++;
    }

    /** 409 naming the plan's status and the actions it allows; {@code detailKey} says what was refused and why. */
    private ProblemException conflict(String detailKey) {
        PlanStatus current = state();
        List<String> allowed = switch (current) {
            case DRAFT -> List.of("add inspections", "submit");
            case SUBMITTED -> List.of("approve");
            case APPROVED, AMENDED -> List.of("amend");
        };
        return ProblemException.conflict("plan-status", Map.of("currentStatus", current.name(), "allowedActions", allowed),
                detailKey, new Problem.Text("plan.state." + current.name()));
    }
}

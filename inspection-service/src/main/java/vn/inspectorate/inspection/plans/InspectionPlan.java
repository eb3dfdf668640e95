package vn.inspectorate.inspection.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

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
}

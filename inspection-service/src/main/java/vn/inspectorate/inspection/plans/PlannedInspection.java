package vn.inspectorate.inspection.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One inspection in a plan. Status PLANNED, WITHDRAWN (by amendment or settlement) or OPENED. */
@Entity
@Table(name = "planned_inspection")
public class PlannedInspection extends PanacheEntityBase {

    public static final String PLANNED = "PLANNED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String OPENED = "OPENED";

    @Id
    public UUID id;
    public UUID planId;
    public String bodyCode;
    public String responsibleBodyCode;
    public int planYear;
    public String entityCode;
    public String subject;
    public String inspectionType;
    public LocalDate plannedStart;
    public int durationDays;
    public String status;
    public Integer addedByAmendment;
    public OffsetDateTime createdAt;
}

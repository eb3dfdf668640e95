package vn.inspectorate.inspection.overlaps;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A conflict found by the national overlap check: the planned inspection or inspection being added ({@code source})
 * against one already there ({@code other}). It blocks approval and opening until it is settled.
 */
@Entity
@Table(name = "overlap_conflict")
public class OverlapConflict extends PanacheEntityBase {

    public static final String SAME_SUBJECT = "SAME_SUBJECT_SAME_YEAR";
    public static final String ENTERPRISE_ONCE_A_YEAR = "ENTERPRISE_ONCE_A_YEAR";
    public static final String PLANNED = "PLANNED_INSPECTION";
    public static final String INSPECTION = "INSPECTION";

    @Id
    public UUID id;
    public int planYear;
    public String provinceCode;
    public String entityCode;
    public String subject;
    public String rule;
    public String sourceKind;
    public UUID sourceId;
    public String sourceBodyCode;
    public String otherKind;
    public UUID otherId;
    public String otherBodyCode;
    public UUID otherPlanId;
    public LocalDate otherStart;
    public LocalDate otherEnd;
    public OffsetDateTime detectedAt;
    public OffsetDateTime settledAt;
    public String proceedingBodyCode;
    public String settledBy;
    public String settlementNote;

    public boolean settled() {
        return settledAt != null;
    }
}

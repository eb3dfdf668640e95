package vn.inspectorate.inspection.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A recorded amendment of an approved plan: why, what changed, who decided. */
@Entity
@Table(name = "plan_amendment")
public class PlanAmendment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID planId;
    public int number;
    public String reason;
    public String change;
    public String decidedBy;
    public OffsetDateTime decidedAt;
}

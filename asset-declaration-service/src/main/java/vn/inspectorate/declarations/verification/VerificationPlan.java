package vn.inspectorate.declarations.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An agency's yearly verification plan, with the seed that reproduces its random part. */
@Entity
@Table(name = "verification_plan")
public class VerificationPlan extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "agency_code")
    public String agencyCode;
    public int year;
    public long seed;
    public int percent;
    @Column(name = "risk_score_threshold")
    public int riskScoreThreshold;
    public int population;
    @Column(name = "random_selected")
    public int randomSelected;
    @Column(name = "risk_selected")
    public int riskSelected;
    @Column(name = "created_by")
    public String createdBy;
}

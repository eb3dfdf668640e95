package vn.inspectorate.declarations.declarations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "declaration")
public class Declaration extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "declarant_id")
    public UUID declarantId;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "province_code")
    public String provinceCode;
    @Enumerated(EnumType.STRING)
    public DeclarationKind kind;
    public int year;
    @Column(name = "declared_on")
    public LocalDate declaredOn;
    @Enumerated(EnumType.STRING)
    public DeclarationStatus status;
    @Column(name = "increase_explanation_enc")
    public String increaseExplanationEnc;
    /** Aggregate version: one more per change, carried by every event. */
    public long version;
    @Column(name = "due_on")
    public LocalDate dueOn;
    public boolean late;
    @Column(name = "total_assets_vnd")
    public long totalAssetsVnd;
    @Column(name = "total_income_vnd")
    public long totalIncomeVnd;
    @Column(name = "total_liabilities_vnd")
    public long totalLiabilitiesVnd;
    @Column(name = "previous_id")
    public UUID previousId;
    @Column(name = "asset_change_vnd")
    public long assetChangeVnd;
    @Column(name = "income_change_vnd")
    public long incomeChangeVnd;
    @Column(name = "explanation_threshold_vnd")
    public Long explanationThresholdVnd;
    @Column(name = "risk_score")
    public int riskScore;
    @Column(name = "flags_version")
    public Long flagsVersion;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "corrected_at")
    public OffsetDateTime correctedAt;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(name = "created_by")
    public String createdBy;

    public boolean isFiled() {
        return status != DeclarationStatus.DRAFT;
    }
}

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.declarations.declarants.Declarant;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.time.VietnamTime;

/** A declaration and its transitions: drafted, submitted, corrected once, judged, flagged, verified, published. */
@Entity
@Table(name = "declaration")
public class Declaration extends PanacheEntityBase {

    /** What judging a filing found: totals, deadline, and change against the previous declaration. */
    public record Assessment(long totalAssetsVnd, long totalIncomeVnd, long totalLiabilitiesVnd, LocalDate dueOn,
            boolean late, UUID previousId, long explanationThresholdVnd, long assetChangeVnd, long incomeChangeVnd) {
    }

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

    /** A new draft, filed under its declarant's agency and province. */
    public static Declaration draft(Declarant declarant, DeclarationKind kind, int year, LocalDate declaredOn,
            String increaseExplanationEnc, String createdBy) {
        Declaration d = new Declaration();
        d.id = TimeOrderedIds.next();
        d.declarantId = declarant.id;
        d.agencyCode = declarant.agencyCode;
        d.provinceCode = declarant.provinceCode;
        d.kind = kind;
        d.year = year;
        d.declaredOn = declaredOn;
        d.status = DeclarationStatus.DRAFT;
        d.increaseExplanationEnc = increaseExplanationEnc;
        d.version = 1;
        d.createdBy = createdBy;
        return d;
    }

    /** Files a draft; false when it is filed already, which a retried submission leaves as it is. */
    public boolean submit() {
        if (status != DeclarationStatus.DRAFT) {
            return false;
        }
        status = DeclarationStatus.SUBMITTED;
        submittedAt = VietnamTime.now();
        return true;
    }

    /** Refuses the correction of a draft, of a corrected declaration and of a verified one. */
    public void requireCorrectable() {
        switch (status) {
            case DRAFT -> throw Refusals.conflict("not-submitted", Map.of("currentStatus", status),
                    "declaration.draft.not-corrected");
            case CORRECTED -> throw Refusals.conflict("already-corrected", Map.of("currentStatus", status),
                    "declaration.already-corrected");
            case VERIFIED -> throw Refusals.conflict("declaration-verified", Map.of("currentStatus", status),
                    "declaration.verified.not-corrected");
            case SUBMITTED -> {
            }
        }
    }

    /** The one correction, its items already replaced. */
    public void correct(String increaseExplanationEnc) {
        requireCorrectable();
        this.increaseExplanationEnc = increaseExplanationEnc;
        status = DeclarationStatus.CORRECTED;
        correctedAt = VietnamTime.now();
    }

    /** Takes what judging the filing found; one more version, the one its submission event carries. */
    public void assessed(Assessment a) {
        totalAssetsVnd = a.totalAssetsVnd();
        totalIncomeVnd = a.totalIncomeVnd();
        totalLiabilitiesVnd = a.totalLiabilitiesVnd();
        dueOn = a.dueOn();
        late = a.late();
        previousId = a.previousId();
        explanationThresholdVnd = a.explanationThresholdVnd();
        assetChangeVnd = a.assetChangeVnd();
        incomeChangeVnd = a.incomeChangeVnd();
        version++;
    }

    /** Takes its risk score; raised flags make one more version, the one they are recorded under. */
    public void flagged(int riskScore, boolean anyRaised) {
        this.riskScore = riskScore;
        if (anyRaised) {
            version++;
        }
        flagsVersion = version;
    }

    /** Selected for a verification: one more version. */
    public void selectedForVerification() {
        version++;
    }

    /** A verification concluded: verified, never corrected again. */
    public void verified() {
        status = DeclarationStatus.VERIFIED;
        version++;
    }

    /** Published at the workplace on {@code on}: only a filed declaration, and not before it was declared. */
    public void publish(LocalDate on) {
        if (!isFiled()) {
            throw Refusals.conflict("not-submitted", Map.of("currentStatus", status),
                    "declaration.draft.not-published");
        }
        if (on.isBefore(declaredOn)) {
            // no rule of publication is in force before the declaration exists (and none before the rules' first date)
            throw Refusals.unprocessable("publication-date", List.of(FieldError.of("publishedOn",
                    "error.published-before-declared", declaredOn.toString())),
                    "declaration.published-before-declared");
        }
        publishedOn = on;
    }
}

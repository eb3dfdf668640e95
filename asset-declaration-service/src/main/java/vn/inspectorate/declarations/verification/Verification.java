package vn.inspectorate.declarations.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Entity
@Table(name = "verification")
public class Verification extends PanacheEntityBase {

    @Schema(name = "DeclarationVerificationGround")
    public enum Ground { RANDOM_SELECTION, RISK_SCORE, DENUNCIATION, REQUEST }

    @Schema(name = "DeclarationVerificationStatus")
    public enum Status { OPEN, CONCLUDED }

    @Schema(name = "DeclarationVerificationConclusion")
    public enum Conclusion { HONEST, DISHONEST }

    @Id
    public UUID id;
    @Column(name = "declaration_id")
    public UUID declarationId;
    @Enumerated(EnumType.STRING)
    public Ground ground;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "requested_by")
    public String requestedBy;
    public String reason;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Conclusion conclusion;
    public String findings;
    @Column(name = "unexplained_increase_vnd")
    public Long unexplainedIncreaseVnd;
    @Column(name = "concluded_on")
    public LocalDate concludedOn;
    @Column(name = "created_at", insertable = false, updatable = false)
    public java.time.OffsetDateTime createdAt;
}

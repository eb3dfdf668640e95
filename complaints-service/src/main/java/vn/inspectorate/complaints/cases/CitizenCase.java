package vn.inspectorate.complaints.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A citizen case: complaint, denunciation, petition or reflection, with its clocks. No identity here. */
@Entity
@Table(name = "citizen_case")
public class CitizenCase extends PanacheEntityBase {

    @Id
    public UUID id;
    public long version;
    public String provinceCode;
    public String filedUnitCode;
    public String sourceSystem;
    public String sourceReference;
    public String receivingBodyCode;
    public String handlingBodyCode;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public CaseKind declaredKind;
    @Enumerated(EnumType.STRING)
    public CaseKind kind;
    public int instance;
    /** The instance as filed; {@code instance} is the one classification settled on. */
    public int filedInstance;
    public boolean complex;
    public boolean remoteArea;
    public boolean informationOnly;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    public String subject;
    public String summary;
    public String respondentCode;
    public UUID respondentDeclarantId;
    /** The respondent declarant as filed; classification may name one later. */
    public UUID filedRespondentDeclarantId;
    public LocalDate receivedOn;
    public LocalDate decisionLearnedOn;
    public boolean signed;
    public boolean affectsComplainant;
    public boolean decidedAtSecondInstance;
    public boolean anonymous;
    public int complainantCount;
    public int representativeCount;
    public boolean mass;
    public String ruleSetVersion;
    public String admissibilityFindings;
    public LocalDate acceptanceDueOn;
    public LocalDate acceptedOn;
    public LocalDate resolutionDueOn;
    public LocalDate notifyDueOn;
    public LocalDate currentDueOn;
    public LocalDate denouncerNotifiedOn;
    public int extensionCount;
    public LocalDate pausedOn;
    @Enumerated(EnumType.STRING)
    public CaseStatus pausedFromStatus;
    public LocalDate resolvedOn;
    public String outcome;
    public String decisionReference;
    public LocalDate secondComplaintWindowEndsOn;
    public UUID parentCaseId;
    public UUID escalatedCaseId;
    public LocalDate closedOn;
    /** Loaded as history: counted by reports, ignored by the overdue scan, no public events. */
    public boolean backfilled;
    public String closureReason;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    public List<String> findings() {
        return admissibilityFindings == null || admissibilityFindings.isEmpty() ? List.of()
                : Arrays.asList(admissibilityFindings.split(","));
    }
}

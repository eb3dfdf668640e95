package vn.inspectorate.inspection.conclusions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** An inspection's conclusion; its money and land totals are the exact sums of its items and recommendations. */
@Entity
@Table(name = "conclusion")
public class Conclusion extends PanacheEntityBase {

    @Id
    public UUID inspectionId;
    public String conclusionNumber;
    public LocalDate concludedOn;
    public String assessment;
    public long violationsVnd;
    public long violationsLandM2;
    public long recoveryRecommendedVnd;
    public long recoveryRecommendedLandM2;
    public int unitsCovered;
    /** JSON list of references (registry codes or decision references), never shown in events. */
    public String responsibleOrganisations;
    public String responsibleIndividuals;
    public int responsibleOrganisationsCount;
    public int responsibleIndividualsCount;
    public boolean published;
    public LocalDate publishedFrom;
    public LocalDate publishedUntil;
}

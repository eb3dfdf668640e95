package vn.inspectorate.inspection.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What this service knows of a citizen case, from the complaints service's events. */
@Entity
@Table(name = "case_reference")
public class CaseReference extends PanacheEntityBase {

    @Id
    public UUID caseId;
    public String provinceCode;
    public String kind;
    public String status;
    public long lastVersion;
    public OffsetDateTime updatedAt;
}

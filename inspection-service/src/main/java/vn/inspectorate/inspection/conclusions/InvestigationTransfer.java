package vn.inspectorate.inspection.conclusions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A matter with signs of crime transferred to an investigation body: what, to whom, when, acknowledged or not. */
@Entity
@Table(name = "investigation_transfer")
public class InvestigationTransfer extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID inspectionId;
    public String matter;
    public String toBody;
    public LocalDate transferredOn;
    public LocalDate acknowledgedOn;
    public Boolean accepted;
}

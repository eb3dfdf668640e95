package vn.inspectorate.inspection.inspections;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One recorded extension of an inspection's duration. */
@Entity
@Table(name = "inspection_extension")
public class InspectionExtension extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID inspectionId;
    public int number;
    public int extraDays;
    public String reasonCode;
    public LocalDate decidedOn;
    public LocalDate newDueOn;
}

package vn.inspectorate.inspection.conclusions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A recommendation of a conclusion (recovery, administrative or disciplinary handling), tracked until done. */
@Entity
@Table(name = "recommendation")
public class Recommendation extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID inspectionId;
    public String kind;
    public String description;
    public String addressee;
    public long amountVnd;
    public long landM2;
    public int individualsCount;
    public LocalDate dueOn;
    public long recoveredVnd;
    public long recoveredLandM2;
    public int disciplinedCount;
    public LocalDate doneOn;
    public String doneNote;

    public boolean done() {
        return doneOn != null;
    }
}

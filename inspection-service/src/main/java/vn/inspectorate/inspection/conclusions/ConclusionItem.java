package vn.inspectorate.inspection.conclusions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** The conclusion on one inspected item: the finding and the violations found in it. */
@Entity
@Table(name = "conclusion_item")
@IdClass(ConclusionItem.Key.class)
public class ConclusionItem extends PanacheEntityBase {

    public record Key(UUID inspectionId, int itemNo) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public UUID inspectionId;
    @Id
    public int itemNo;
    public String subject;
    public String finding;
    public long violationsVnd;
    public long violationsLandM2;
}

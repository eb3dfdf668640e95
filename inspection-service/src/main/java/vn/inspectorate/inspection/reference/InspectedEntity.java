package vn.inspectorate.inspection.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An enterprise or public body under inspection, known by its registry code. */
@Entity
@Table(name = "inspected_entity")
public class InspectedEntity extends PanacheEntityBase {

    public static final String ENTERPRISE = "ENTERPRISE";

    @Id
    public String code;
    public String kind;
    public String name;
    public String provinceCode;
    public OffsetDateTime updatedAt;
}

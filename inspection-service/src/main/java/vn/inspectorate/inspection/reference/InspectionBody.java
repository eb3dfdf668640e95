package vn.inspectorate.inspection.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An inspectorate (reference data): its level decides the duration limits of its inspections. */
@Entity
@Table(name = "inspection_body")
public class InspectionBody extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String level;
    /** Null for central and sector (ministry) bodies. */
    public String provinceCode;
}

package vn.inspectorate.inspection.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An inspectorate (dated reference data): its level decides the duration limits of its inspections. */
@Entity
@Table(name = "inspection_body")
public class InspectionBody extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String level;
    /** Null for central and sector (ministry) bodies. */
    public String provinceCode;
    /** In force from this day to {@link #validTo} (the last day; null while in force). */
    public LocalDate validFrom;
    public LocalDate validTo;
    /** The body that took over this one's work when it ended, if any. */
    public String successorCode;
    /** CONFIRMED, or UNCERTAIN until an admin confirms or corrects the entry. */
    public String certainty;
    public String source;
}

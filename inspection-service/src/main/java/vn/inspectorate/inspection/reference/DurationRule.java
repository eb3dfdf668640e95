package vn.inspectorate.inspection.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Duration limits of one body level, in force between two dates. */
@Entity
@Table(name = "duration_rule")
public class DurationRule extends PanacheEntityBase {

    @Id
    public Long id;
    public String level;
    public boolean reInspection;
    public int baseDays;
    public int extensionDays;
    public int maxExtensions;
    public LocalDate effectiveFrom;
    public LocalDate effectiveTo;
    public String source;
}

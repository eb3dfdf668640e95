package vn.inspectorate.inspection.conclusions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One (possibly partial) recovery actually paid, known by its payment reference. */
@Entity
@Table(name = "recovery_payment")
public class RecoveryPayment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID recommendationId;
    public String reference;
    public long amountVnd;
    public long landM2;
    public LocalDate paidOn;
    public String recordedBy;
}

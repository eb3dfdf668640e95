package vn.inspectorate.declarations.declarants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** An official who declares assets and income; personal identifiers are stored only encrypted. */
@Entity
@Table(name = "declarant")
public class Declarant extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "province_code")
    public String provinceCode;
    public String position;
    public String rank;
    @Column(name = "annual_required")
    public boolean annualRequired;
    @Column(name = "appointed_on")
    public LocalDate appointedOn;
    @Column(name = "full_name_enc")
    public String fullNameEnc;
    @Column(name = "citizen_id_enc")
    public String citizenIdEnc;
    @Column(name = "address_enc")
    public String addressEnc;
    @Column(name = "citizen_id_hash")
    public String citizenIdHash;
    @Column(name = "created_by")
    public String createdBy;
}

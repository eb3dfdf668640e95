package vn.inspectorate.declarations.declarants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A spouse or minor child of a declarant, referenced by declaration items as an owner. */
@Entity
@Table(name = "family_member")
public class FamilyMember extends PanacheEntityBase {

    @Schema(name = "DeclarantFamilyRelation")
    public enum Relation { SPOUSE, MINOR_CHILD }

    @Id
    public UUID id;
    @Column(name = "declarant_id")
    public UUID declarantId;
    @Enumerated(EnumType.STRING)
    public Relation relation;
    @Column(name = "full_name_enc")
    public String fullNameEnc;
    @Column(name = "citizen_id_enc")
    public String citizenIdEnc;

    public static List<FamilyMember> of(UUID declarantId) {
        return list("declarantId = ?1 order by id", declarantId);
    }
}

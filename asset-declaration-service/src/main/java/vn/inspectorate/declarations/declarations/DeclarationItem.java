package vn.inspectorate.declarations.declarations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One declared asset, income source or liability; its free-text description may hold an address, so it is encrypted. */
@Entity
@Table(name = "declaration_item")
public class DeclarationItem extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "declaration_id")
    public UUID declarationId;
    public int position;
    @Enumerated(EnumType.STRING)
    public Section section;
    @Enumerated(EnumType.STRING)
    public ItemCategory category;
    /** Null when the declarant owns the item, else the family member. */
    @Column(name = "owner_member_id")
    public UUID ownerMemberId;
    @Column(name = "acquired_on")
    public LocalDate acquiredOn;
    @Column(name = "value_vnd")
    public Long valueVnd;
    @Column(name = "description_enc")
    public String descriptionEnc;

    public static List<DeclarationItem> of(UUID declarationId) {
        return list("declarationId = ?1 order by position", declarationId);
    }
}

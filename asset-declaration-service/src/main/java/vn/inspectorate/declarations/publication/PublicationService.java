package vn.inspectorate.declarations.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.declarations.declarants.Declarant;
import vn.inspectorate.declarations.declarants.FamilyMember;
import vn.inspectorate.declarations.declarations.Declaration;
import vn.inspectorate.declarations.declarations.DeclarationApi.Owner;
import vn.inspectorate.declarations.declarations.DeclarationItem;
import vn.inspectorate.declarations.declarations.DeclarationKind;
import vn.inspectorate.declarations.declarations.DeclarationService;
import vn.inspectorate.declarations.declarations.ItemCategory;
import vn.inspectorate.declarations.declarations.Section;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.declarations.rules.RuleData;

/**
 * Publication at the workplace: a controller publishes a filed declaration on a date, and for the dated number of days
 * from then a redacted view is readable. The view has no names, identity numbers, addresses, free-text descriptions
 * or surrogate ids, and gives acquisition years instead of dates.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PublicationService {

    @Schema(name = "PublicDeclarationItem")
    public record PublicItem(Section section, ItemCategory category, Owner owner,
            @Schema(nullable = true) Integer acquiredInYear, @Schema(nullable = true) Long valueVnd) {
    }

    public record PublicDeclaration(String agencyCode, String position, String rank, DeclarationKind kind, int year,
            LocalDate declaredOn, long totalAssetsVnd, long totalIncomeVnd, long totalLiabilitiesVnd,
            LocalDate publishedOn, LocalDate visibleUntil, List<PublicItem> items) {
    }

    @Schema(name = "DeclarationPublication")
    public record Publication(UUID declarationId, LocalDate publishedOn, LocalDate visibleUntil) {
    }

    private final DeclarationService declarations;
    private final RuleData rules;

    PublicationService(DeclarationService declarations, RuleData rules) {
        this.declarations = declarations;
        this.rules = rules;
    }

    public Publication publish(UUID id, LocalDate on) {
        Declaration d = declarations.controllable(id);
        d.publish(on);
        return new Publication(d.id, on, until(on));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PublicDeclaration view(UUID id, LocalDate today) {
        Declaration d = Declaration.findById(id);
        if (d == null || d.publishedOn == null || today.isBefore(d.publishedOn) || today.isAfter(until(d.publishedOn))) {
            throw Refusals.notFound("what.published-declaration", id);
        }
        Declarant who = Declarant.findById(d.declarantId);
        Map<UUID, FamilyMember.Relation> relations = FamilyMember.of(d.declarantId).stream()
                .collect(Collectors.toMap(m -> m.id, m -> m.relation));
        List<PublicItem> items = DeclarationItem.of(d.id).stream().map(i -> new PublicItem(i.section, i.category,
                Owner.of(relations.get(i.ownerMemberId)), i.acquiredOn == null ? null : i.acquiredOn.getYear(),
                i.valueVnd)).toList();
        return new PublicDeclaration(d.agencyCode, who.position, who.rank, d.kind, d.year, d.declaredOn,
                d.totalAssetsVnd, d.totalIncomeVnd, d.totalLiabilitiesVnd, d.publishedOn, until(d.publishedOn), items);
    }

    private LocalDate until(LocalDate publishedOn) {
        return publishedOn.plusDays(rules.value(RuleData.PUBLICATION_DAYS, publishedOn) - 1);
    }
}

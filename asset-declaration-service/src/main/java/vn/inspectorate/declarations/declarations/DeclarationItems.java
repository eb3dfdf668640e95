package vn.inspectorate.declarations.declarations;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.declarations.declarants.FamilyMember;
import vn.inspectorate.declarations.declarations.DeclarationApi.ItemInput;
import vn.inspectorate.declarations.identity.IdentityCipher;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.platform.problem.Problem.FieldError;

/** The item list of a declaration: the checks it passes as a whole, and its rows, descriptions encrypted. */
@ApplicationScoped
public class DeclarationItems {

    private final IdentityCipher cipher;
    private final RuleData rules;

    DeclarationItems(IdentityCipher cipher, RuleData rules) {
        this.cipher = cipher;
        this.rules = rules;
    }

    /** Every problem of the list at once, as one 422; nothing is recorded when there is one. */
    public void validate(List<ItemInput> items, UUID declarantId, LocalDate declaredOn) {
        Set<UUID> family = FamilyMember.of(declarantId).stream().map(m -> m.id).collect(Collectors.toSet());
        long perItem = rules.value(RuleData.MOVABLE_ITEM_THRESHOLD, declaredOn);
        List<FieldError> errors = new ArrayList<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ItemInput item = items.get(i);
            String at = "items[" + i + "]";
            Section section = item.category().section();
            if (item.ownerId() != null && !family.contains(item.ownerId())) {
                errors.add(FieldError.of(at + ".ownerId", "error.item.not-family-member"));
            }
            if (item.acquiredOn() != null && item.acquiredOn().isAfter(declaredOn)) {
                errors.add(FieldError.of(at + ".acquiredOn", "error.item.acquired-after", declaredOn.toString()));
            }
            if (section.isAsset() && item.acquiredOn() == null) {
                errors.add(FieldError.of(at + ".acquiredOn", "error.item.acquired-on-required"));
            }
            boolean valueNeeded = section == Section.MOVABLE || section == Section.INCOME
                    || section == Section.LIABILITIES;
            if (valueNeeded && item.valueVnd() == null) {
                errors.add(FieldError.of(at + ".valueVnd", "error.item.value-required", item.category().name()));
            }
            if (section == Section.MOVABLE && item.valueVnd() != null && item.valueVnd() < perItem) {
                errors.add(FieldError.of(at + ".valueVnd", "error.item.below-threshold", perItem,
                        declaredOn.toString()));
            }
            List<Object> key = Arrays.asList(item.category(), item.ownerId(), item.acquiredOn(),
                    item.valueVnd(), item.description() == null ? null : item.description().strip().toLowerCase());
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                errors.add(FieldError.of(at, "error.item.duplicate", String.valueOf(first)));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusals.unprocessable("invalid-items", errors, "declaration.invalid-items", errors.size());
        }
    }

    /** Records the items of {@code d} in the order sent. */
    public void write(Declaration d, List<ItemInput> items) {
        for (int i = 0; i < items.size(); i++) {
            ItemInput in = items.get(i);
            DeclarationItem item = new DeclarationItem();
            item.id = TimeOrderedIds.next();
            item.declarationId = d.id;
            item.position = i;
            item.section = in.category().section();
            item.category = in.category();
            item.ownerMemberId = in.ownerId();
            item.acquiredOn = in.acquiredOn();
            item.valueVnd = in.valueVnd();
            item.descriptionEnc = cipher.encrypt(blankToNull(in.description()));
            item.persist();
        }
    }

    /** The items of {@code d} as they were sent, descriptions decrypted: what a repeated filing is compared with. */
    public List<ItemInput> asSent(Declaration d) {
        return DeclarationItem.of(d.id).stream().map(i -> new ItemInput(i.category, i.ownerMemberId, i.acquiredOn,
                i.valueVnd, cipher.decrypt(i.descriptionEnc))).toList();
    }

    /** Blank text is no text; other text is kept without its surrounding blanks. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

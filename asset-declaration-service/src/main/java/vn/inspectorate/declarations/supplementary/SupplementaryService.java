package vn.inspectorate.declarations.supplementary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.declarants.AgencyDeclarantPages;
import vn.inspectorate.declarations.declarants.Declarant;
import vn.inspectorate.declarations.declarants.DeclarantService;
import vn.inspectorate.declarations.declarants.DeclarantStore;
import vn.inspectorate.declarations.declarations.Declaration;
import vn.inspectorate.declarations.declarations.DeclarationKind;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.declarations.supplementary.ChangeApi.Change;
import vn.inspectorate.declarations.supplementary.ChangeApi.Due;
import vn.inspectorate.declarations.supplementary.ChangeApi.Kind;
import vn.inspectorate.declarations.supplementary.ChangeApi.RecordChange;
import vn.inspectorate.declarations.supplementary.ChangeApi.Standing;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.security.CallerScope;

/**
 * When a supplementary declaration falls due (Law 36/2018 Art. 36 §2, as amended from 1 Jul 2026): on a job change,
 * or when assets or income rose in the year by at least the explanation threshold in force on the day (300 million
 * VND, 1 billion from 1 Jul 2026: the same dated number, rule_parameter INCREASE_EXPLANATION_THRESHOLD). It is due by
 * the year's deadline, unless the declarant declares annually anyway, whose annual declaration covers the change.
 * A rise is reported, or found when a submitted declaration is compared with the previous one. Controllers see what
 * is due per agency and year and record written reminders for what was not filed in time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SupplementaryService {

    private final ChangeStore changes;
    private final DeclarantService declarants;
    private final DeclarantStore declarantStore;
    private final AgencyDeclarantPages agencyPages;
    private final DeclarationAccess access;
    private final RuleData rules;
    private final CallerScope caller;
    private final SupplementaryDues dues;

    SupplementaryService(ChangeStore changes, DeclarantService declarants, DeclarantStore declarantStore,
            SupplementaryDues dues, DeclarationAccess access, RuleData rules, CallerScope caller,
            AgencyDeclarantPages agencyPages) {
        this.agencyPages = agencyPages;
        this.changes = changes;
        this.declarants = declarants;
        this.declarantStore = declarantStore;
        this.dues = dues;
        this.access = access;
        this.rules = rules;
        this.caller = caller;
    }

    /** Records a change reported for a declarant; the retry of the same change answers the first record. */
    public Written<Change> record(UUID declarantId, RecordChange in) {
        Declarant d = declarants.visible(declarantId);
        if (!access.mayFile(d.agencyCode, d.provinceCode)) {
            throw Refusals.notFound("what.declarant", declarantId);
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.kind() == Kind.ASSET_INCREASE && in.increaseVnd() == null) {
            errors.add(FieldError.of("increaseVnd", "error.change.increase-required"));
        }
        if (in.kind() == Kind.ASSET_INCREASE && in.position() != null) {
            errors.add(FieldError.of("position", "error.change.position-only-job-change"));
        }
        if (in.kind() == Kind.JOB_CHANGE && (in.position() == null || in.position().isBlank())) {
            errors.add(FieldError.of("position", "error.change.position-required"));
        }
        if (in.kind() == Kind.JOB_CHANGE && in.increaseVnd() != null) {
            errors.add(FieldError.of("increaseVnd", "error.change.increase-only-asset-increase"));
        }
        if (!errors.isEmpty()) {
            throw Refusals.invalid(errors, "change.invalid-for-kind");
        }
        declarantStore.lockDeclarant(d.id);
        var existing = changes.find(d.id, in.kind(), in.occurredOn());
        if (existing.isPresent()) {
            Change c = existing.get().change();
            Refusals.requireSame(NaturalKeyMatch.compare().field("increaseVnd", in.increaseVnd(), c.increaseVnd())
                    .field("position", in.position(), existing.get().position()),
                    "natural-key.what.change", "natural-key.key.change", c.id());
            return Written.existing(c);
        }
        return Written.created(insert(d, in.kind(), in.occurredOn(), in.increaseVnd(), in.position(),
                caller.subject()));
    }

    /** A job change the service learns itself (a confirmed transfer between agencies); none when already recorded. */
    public void jobChanged(Declarant d, LocalDate on, String by) {
        if (changes.find(d.id, Kind.JOB_CHANGE, on).isEmpty()) {
            insert(d, Kind.JOB_CHANGE, on, null, d.position, by);
        }
    }

    private Change insert(Declarant d, Kind kind, LocalDate on, Long increaseVnd, String position, String by) {
        Long threshold = kind == Kind.ASSET_INCREASE ? rules.value(RuleData.INCREASE_EXPLANATION_THRESHOLD, on) : null;
        boolean due = !d.annualRequired && (kind == Kind.JOB_CHANGE || increaseVnd >= threshold);
        LocalDate dueOn = due ? rules.yearEndDeadline(on.getYear()) : null;
        Change c = new Change(TimeOrderedIds.next(), d.id, kind, on, increaseVnd, threshold, due, dueOn, null);
        changes.insert(c, position, by);
        return c;
    }

    /**
     * A declaration just judged against the previous one (submitted, or corrected): a rise of its assets or of its
     * income by at least the threshold in force on its date makes a supplementary declaration due by that year's
     * deadline. One change per declaration, so a retried submission adds nothing and a correction measures the same
     * change again (no longer due if the corrected figures stay under the threshold). An annual or a supplementary
     * declaration is itself the declaration of the change, and a declarant who declares annually is covered anyway.
     */
    public void measured(Declaration d) {
        var found = changes.measuredBy(d.id);
        long increase = Math.max(0, Math.max(d.assetChangeVnd, d.incomeChangeVnd));
        boolean due = d.previousId != null && d.explanationThresholdVnd != null
                && increase >= d.explanationThresholdVnd && !declaresTheChangeItself(d.kind)
                && !declarantStore.findById(d.declarantId).annualRequired;
        if (!due && found.isEmpty()) {
            return;
        }
        LocalDate dueOn = due ? rules.yearEndDeadline(d.declaredOn.getYear()) : null;
        UUID id = found.map(Change::id).orElseGet(TimeOrderedIds::next);
        Change c = new Change(id, d.declarantId, Kind.ASSET_INCREASE, d.declaredOn, increase,
                d.explanationThresholdVnd, due, dueOn, d.id);
        if (found.isPresent()) {
            changes.remeasure(c);
        } else {
            changes.insert(c, null, caller.subject());
        }
    }

    private static boolean declaresTheChangeItself(DeclarationKind kind) {
        return kind == DeclarationKind.ANNUAL || kind == DeclarationKind.SUPPLEMENTARY;
    }

    /** One page of the supplementary declarations due in {@code year} from the agency's declarants the caller controls. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Due> due(String agency, int year, LocalDate asOf, PageRequest page) {
        return agencyPages.page(agency, page, d -> dueOf(d, year, asOf).stream().toList());
    }

    private java.util.Optional<Due> dueOf(Declarant d, int year, LocalDate asOf) {
        if (!access.mayControl(d.agencyCode, d.provinceCode)) {
            return java.util.Optional.empty();
        }
        var due = dues.of(d.id, year);
        if (due.isEmpty()) {
            return java.util.Optional.empty();
        }
        LocalDate dueOn = due.get().dueOn();
        Declaration filed = due.get().answeredBy();
        Standing standing = filed != null ? (filed.declaredOn.isAfter(dueOn) ? Standing.LATE : Standing.FILED)
                : asOf.isAfter(dueOn) ? Standing.MISSING : Standing.DUE;
        List<Change> reasons = due.get().changes();
        return java.util.Optional.of(new Due(d.id, d.agencyCode, year, reasons.stream().map(Change::kind).distinct()
                .toList(), dueOn, standing, filed == null ? null : filed.declaredOn, reasons));
    }
}

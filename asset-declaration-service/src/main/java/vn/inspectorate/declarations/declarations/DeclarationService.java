package vn.inspectorate.declarations.declarations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.declarants.Declarant;
import vn.inspectorate.declarations.declarants.DeclarantService;
import vn.inspectorate.declarations.declarants.DeclarantStore;
import vn.inspectorate.declarations.declarants.FamilyMember;
import vn.inspectorate.declarations.declarations.DeclarationApi.CorrectDeclaration;
import vn.inspectorate.declarations.declarations.DeclarationApi.CreateDeclaration;
import vn.inspectorate.declarations.declarations.DeclarationApi.DeclarationDetail;
import vn.inspectorate.declarations.declarations.DeclarationApi.DeclarationSummary;
import vn.inspectorate.declarations.declarations.DeclarationApi.FlagView;
import vn.inspectorate.declarations.declarations.DeclarationApi.ItemInput;
import vn.inspectorate.declarations.declarations.DeclarationApi.ItemView;
import vn.inspectorate.declarations.declarations.DeclarationApi.Owner;
import vn.inspectorate.declarations.declarations.DeclarationApi.SectionChange;
import vn.inspectorate.declarations.identity.IdentityCipher;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.declarations.redflags.DeclarationFigures;
import vn.inspectorate.declarations.redflags.RaisedFlag;
import vn.inspectorate.declarations.supplementary.SupplementaryService;
import vn.inspectorate.declarations.units.AdministrativeUnits;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.security.CallerScope;

/** Drafting, submission and the one correction of declarations, and what the caller may read of them. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeclarationService {

    private final DeclarationStore store;
    private final DeclarantStore declarantStore;
    private final DeclarationItems items;
    private final DeclarationAnalysis analysis;
    private final DeclarationAccess access;
    private final CallerScope caller;
    private final DeclarantService declarants;
    private final IdentityCipher cipher;
    private final Outbox outbox;
    private final AdministrativeUnits units;
    private final SupplementaryService supplementary;

    DeclarationService(DeclarationStore store, DeclarantStore declarantStore, DeclarationItems items, DeclarationAnalysis analysis,
            DeclarationAccess access, CallerScope caller, DeclarantService declarants, IdentityCipher cipher,
            Outbox outbox, AdministrativeUnits units, SupplementaryService supplementary) {
        this.supplementary = supplementary;
        this.store = store;
        this.declarantStore = declarantStore;
        this.items = items;
        this.analysis = analysis;
        this.access = access;
        this.caller = caller;
        this.declarants = declarants;
        this.cipher = cipher;
        this.outbox = outbox;
        this.units = units;
    }

    /**
     * Creates a draft. An annual declaration's natural key is (declarant, year): the same declaration sent again answers
     * the one on file, a different one is a 409.
     */
    public Written<DeclarationSummary> create(CreateDeclaration in) {
        Declarant declarant = declarants.visible(in.declarantId());
        if (!access.mayFile(declarant.agencyCode, declarant.provinceCode)) {
            throw Refusals.forbidden("declaration.forbidden.file");
        }
        declarantStore.lockDeclarant(declarant.id);
        if (in.year() > in.declaredOn().getYear()) {
            throw Refusals.unprocessable("invalid-declaration", List.of(FieldError.of("year",
                    "error.declaration.year-after-declared-on")), "declaration.year-after-declared-on");
        }
        if (in.kind() == DeclarationKind.ANNUAL) {
            Declaration existing = store.annual(declarant.id, in.year());
            if (existing != null) {
                Refusals.requireSame(filedAlike(existing, in), "natural-key.what.annual-declaration",
                        "natural-key.key.annual-declaration", existing.id);
                return Written.existing(summary(existing));
            }
        }
        // the declaration is filed under its declarant's province, which must be in force on the declaration's date
        units.requireInForce(declarant.provinceCode, in.declaredOn(), "declaredOn",
                "declaration.province-in-force");
        items.validate(in.items(), declarant.id, in.declaredOn());
        Declaration d = Declaration.draft(declarant, in.kind(), in.year(), in.declaredOn(),
                cipher.encrypt(DeclarationItems.blankToNull(in.increaseExplanation())), caller.subject());
        store.persist(d);
        items.write(d, in.items());
        store.flush();
        return Written.created(summary(d));
    }

    /** Compares a request with the declaration on file (as it stands, descriptions decrypted inside the service). */
    private NaturalKeyMatch filedAlike(Declaration d, CreateDeclaration in) {
        List<ItemInput> requested = in.items().stream().map(i -> new ItemInput(i.category(), i.ownerId(),
                i.acquiredOn(), i.valueVnd(), DeclarationItems.blankToNull(i.description()))).toList();
        return NaturalKeyMatch.compare()
                .field("declaredOn", in.declaredOn(), d.declaredOn)
                .field("increaseExplanation", DeclarationItems.blankToNull(in.increaseExplanation()),
                        cipher.decrypt(d.increaseExplanationEnc))
                .field("items", requested, items.asSent(d));
    }

    /** Submits a draft; submitting a declaration already submitted changes nothing and returns it. */
    public DeclarationSummary submit(UUID id) {
        Declaration d = fileable(id);
        declarantStore.lockDeclarant(d.declarantId);
        store.lock(d);
        if (d.submit()) {
            analyseAndPublish(d);
        }
        return summary(d);
    }

    public DeclarationSummary correct(UUID id, CorrectDeclaration in) {
        Declaration d = fileable(id);
        declarantStore.lockDeclarant(d.declarantId);
        store.lock(d);
        d.requireCorrectable();
        items.validate(in.items(), d.declarantId, d.declaredOn);
        store.deleteItems(d);
        items.write(d, in.items());
        d.correct(cipher.encrypt(DeclarationItems.blankToNull(in.increaseExplanation())));
        analyseAndPublish(d);
        return summary(d);
    }

    /** A declaration the caller may file for: 404 when out of reach, 403 when visible but not theirs to file. */
    public Declaration fileable(UUID id) {
        Declaration d = visible(id);
        if (!access.mayFile(d.agencyCode, d.provinceCode)) {
            throw Refusals.forbidden("declaration.forbidden.change");
        }
        return d;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Declaration visible(UUID id) {
        return found(id, access::maySeeSummary);
    }

    /** A declaration whose detail the caller may read; everyone else gets not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Declaration controllable(UUID id) {
        return found(id, access::mayControl);
    }

    /** The declaration if {@code allowed} (agency, province) lets the caller at it; else not found, as if absent. */
    private Declaration found(UUID id, BiPredicate<String, String> allowed) {
        Declaration d = store.findById(id);
        if (d == null || !allowed.test(d.agencyCode, d.provinceCode)) {
            throw Refusals.notFound("what.declaration", id);
        }
        return d;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeclarationSummary readSummary(UUID id) {
        return summary(visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeclarationSummary> list(String agency, Integer year, UUID declarantId, PageRequest page) {
        Page<Declaration> found = store.search(agency, year, declarantId, access, page);
        return new Page<>(found.items().stream().filter(d -> access.maySeeSummary(d.agencyCode, d.provinceCode))
                .map(this::summary).toList(), found.size(), found.next(), found.total());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeclarationDetail detail(Declaration d) {
        Map<UUID, FamilyMember.Relation> relations = FamilyMember.of(d.declarantId).stream()
                .collect(Collectors.toMap(m -> m.id, m -> m.relation));
        List<ItemView> views = DeclarationItem.of(d.id).stream().map(i -> new ItemView(i.id, i.section, i.category,
                i.ownerMemberId, Owner.of(relations.get(i.ownerMemberId)), i.acquiredOn, i.valueVnd,
                cipher.decrypt(i.descriptionEnc))).toList();
        return new DeclarationDetail(summary(d), cipher.decrypt(d.increaseExplanationEnc), views, d.submittedAt,
                d.correctedAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeclarationSummary summary(Declaration d) {
        List<FlagView> flags = d.flagsVersion == null ? List.of() : store.flags(d.id, d.flagsVersion);
        List<SectionChange> changes = store.sectionChanges(d.id);
        boolean required = d.previousId != null && d.explanationThresholdVnd != null
                && d.assetChangeVnd >= d.explanationThresholdVnd;
        return new DeclarationSummary(d.id, d.declarantId, d.agencyCode, d.provinceCode, d.kind, d.year, d.declaredOn,
                d.status, d.version, d.dueOn, d.late, d.totalAssetsVnd, d.totalIncomeVnd, d.totalLiabilitiesVnd,
                d.previousId, d.assetChangeVnd, d.incomeChangeVnd, d.explanationThresholdVnd, required,
                d.increaseExplanationEnc != null, d.riskScore, flags, changes, d.publishedOn);
    }

    /** Re-reads {@code d} under a row lock (see {@link DeclarationStore#lock}). */
    public void lock(Declaration d) {
        store.lock(d);
    }

    /** The declarant's latest filed declaration, or null. */
    public Declaration latestFiled(UUID declarantId) {
        return store.latestFiled(declarantId);
    }

    /**
     * Totals, change against the previous declaration (and the supplementary declaration a rise makes due), lateness,
     * red flags, and the events of it all.
     */
    private void analyseAndPublish(Declaration d) {
        DeclarationFigures figures = analysis.assess(d);
        supplementary.measured(d);
        outbox.publish(d.id.toString(), DeclarationEvents.submitted(d));
        List<RaisedFlag> raised = analysis.flag(d, figures);
        if (!raised.isEmpty()) {
            outbox.publish(d.id.toString(), DeclarationEvents.flagged(d, raised));
        }
    }
}

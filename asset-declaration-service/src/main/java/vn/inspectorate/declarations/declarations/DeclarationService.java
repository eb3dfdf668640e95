package vn.inspectorate.declarations.declarations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.declarations.DeclarationFlagged;
import vn.inspectorate.contracts.declarations.DeclarationSubmitted;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.declarants.Declarant;
import vn.inspectorate.declarations.declarants.DeclarantService;
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
import vn.inspectorate.declarations.redflags.DeclarationFigures;
import vn.inspectorate.declarations.redflags.RaisedFlag;
import vn.inspectorate.declarations.redflags.RedFlagEngine;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.declarations.units.AdministrativeUnits;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.time.VietnamTime;

/** Drafting, submission, the one correction, change analysis and red flags of declarations. */
@ApplicationScoped
public class DeclarationService {

    private static final TypeReference<Map<String, Object>> FIGURES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final DeclarationAccess access;
    private final DeclarantService declarants;
    private final IdentityCipher cipher;
    private final RuleData rules;
    private final RedFlagEngine engine;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    private final AdministrativeUnits units;

    DeclarationService(EntityManager em, DeclarationAccess access, DeclarantService declarants, IdentityCipher cipher,
            RuleData rules, RedFlagEngine engine, Outbox outbox, ObjectMapper mapper, AdministrativeUnits units) {
        this.em = em;
        this.units = units;
        this.access = access;
        this.declarants = declarants;
        this.cipher = cipher;
        this.rules = rules;
        this.engine = engine;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** A declaration and whether this request created it or found it under its natural key. */
    public record Filing(DeclarationSummary declaration, boolean created) {
    }

    /**
     * Creates a draft. An annual declaration's natural key is (declarant, year): the same declaration sent again answers
     * the one on file, a different one is a 409.
     */
    @Transactional
    public Filing create(CreateDeclaration in) {
        Declarant declarant = declarants.visible(in.declarantId());
        if (!access.mayFile(declarant.agencyCode, declarant.provinceCode)) {
            throw ProblemException.forbidden("You may not file declarations for this declarant.");
        }
        lockDeclarant(declarant.id);
        if (in.year() > in.declaredOn().getYear()) {
            throw ProblemException.unprocessable("invalid-declaration", "A declaration cannot be for a year after its "
                    + "declaration date.", List.of(new FieldError("year", "after the year of declaredOn")));
        }
        if (in.kind() == DeclarationKind.ANNUAL) {
            Declaration existing = Declaration.find("declarantId = ?1 and year = ?2 and kind = ?3", declarant.id,
                    in.year(), DeclarationKind.ANNUAL).firstResult();
            if (existing != null) {
                filedAlike(existing, in).requireSame("An annual declaration", "declarant and year", existing.id);
                return new Filing(summary(existing), false);
            }
        }
        // the declaration is filed under its declarant's province, which must be in force on the declaration's date
        units.requireInForce(declarant.provinceCode, in.declaredOn(), "declaredOn",
                "A declaration is filed under its declarant's province, in force on its date");
        validateItems(in.items(), declarant.id, in.declaredOn());
        Declaration d = new Declaration();
        d.id = UUID.randomUUID();
        d.declarantId = declarant.id;
        d.agencyCode = declarant.agencyCode;
        d.provinceCode = declarant.provinceCode;
        d.kind = in.kind();
        d.year = in.year();
        d.declaredOn = in.declaredOn();
        d.status = DeclarationStatus.DRAFT;
        d.increaseExplanationEnc = cipher.encrypt(blankToNull(in.increaseExplanation()));
        d.version = 1;
        d.createdBy = access.caller().subject();
        d.persist();
        writeItems(d, in.items());
        em.flush();
        return new Filing(summary(d), true);
    }

    /** Compares a request with the declaration on file (as it stands, descriptions decrypted inside the service). */
    private NaturalKeyMatch filedAlike(Declaration d, CreateDeclaration in) {
        List<ItemInput> requested = in.items().stream().map(i -> new ItemInput(i.category(), i.ownerId(),
                i.acquiredOn(), i.valueVnd(), blankToNull(i.description()))).toList();
        List<ItemInput> stored = DeclarationItem.of(d.id).stream().map(i -> new ItemInput(i.category, i.ownerMemberId,
                i.acquiredOn, i.valueVnd, cipher.decrypt(i.descriptionEnc))).toList();
        return NaturalKeyMatch.compare()
                .field("declaredOn", in.declaredOn(), d.declaredOn)
                .field("increaseExplanation", blankToNull(in.increaseExplanation()),
                        cipher.decrypt(d.increaseExplanationEnc))
                .field("items", requested, stored);
    }

    /** Submits a draft; submitting a declaration already submitted changes nothing and returns it. */
    @Transactional
    public DeclarationSummary submit(UUID id) {
        Declaration d = fileable(id);
        lockDeclarant(d.declarantId);
        lock(d);
        if (d.status != DeclarationStatus.DRAFT) {
            return summary(d);
        }
        d.status = DeclarationStatus.SUBMITTED;
        d.submittedAt = VietnamTime.now();
        analyseAndPublish(d);
        return summary(d);
    }

    @Transactional
    public DeclarationSummary correct(UUID id, CorrectDeclaration in) {
        Declaration d = fileable(id);
        lockDeclarant(d.declarantId);
        lock(d);
        switch (d.status) {
            case DRAFT -> throw ProblemException.conflict("not-submitted", "A draft is not corrected; submit it.",
                    Map.of("currentStatus", d.status));
            case CORRECTED -> throw ProblemException.conflict("already-corrected", "A declaration may be corrected "
                    + "only once.", Map.of("currentStatus", d.status));
            case VERIFIED -> throw ProblemException.conflict("declaration-verified", "A verified declaration cannot "
                    + "be corrected.", Map.of("currentStatus", d.status));
            case SUBMITTED -> {
            }
        }
        validateItems(in.items(), d.declarantId, d.declaredOn);
        DeclarationItem.delete("declarationId", d.id);
        em.flush();
        writeItems(d, in.items());
        d.increaseExplanationEnc = cipher.encrypt(blankToNull(in.increaseExplanation()));
        d.status = DeclarationStatus.CORRECTED;
        d.correctedAt = VietnamTime.now();
        analyseAndPublish(d);
        return summary(d);
    }

    /** A declaration the caller may file for: 404 when out of reach, 403 when visible but not theirs to file. */
    public Declaration fileable(UUID id) {
        Declaration d = visible(id);
        if (!access.mayFile(d.agencyCode, d.provinceCode)) {
            throw ProblemException.forbidden("You may not change this declaration.");
        }
        return d;
    }

    public Declaration visible(UUID id) {
        Declaration d = Declaration.findById(id);
        if (d == null || !access.maySeeSummary(d.agencyCode, d.provinceCode)) {
            throw ProblemException.notFound("Declaration " + id);
        }
        return d;
    }

    /** A declaration whose detail the caller may read; everyone else gets not found. */
    public Declaration controllable(UUID id) {
        Declaration d = Declaration.findById(id);
        if (d == null || !access.mayControl(d.agencyCode, d.provinceCode)) {
            throw ProblemException.notFound("Declaration " + id);
        }
        return d;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeclarationSummary readSummary(UUID id) {
        return summary(visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeclarationSummary> list(String agency, Integer year, UUID declarantId) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (agency != null) {
            q.append(" and agencyCode = :agency");
            params.put("agency", agency);
        }
        if (year != null) {
            q.append(" and year = :year");
            params.put("year", year);
        }
        if (declarantId != null) {
            q.append(" and declarantId = :declarant");
            params.put("declarant", declarantId);
        }
        String scope = access.listCondition();
        if (scope != null) {
            q.append(" and ").append(scope);
            access.bind(scope, params);
        }
        List<Declaration> found = Declaration.find(q + " order by declaredOn desc, id", params).page(0, 1000).list();
        return found.stream().filter(d -> access.maySeeSummary(d.agencyCode, d.provinceCode)).map(this::summary).toList();
    }

    public DeclarationDetail detail(Declaration d) {
        Map<UUID, FamilyMember.Relation> relations = FamilyMember.of(d.declarantId).stream()
                .collect(Collectors.toMap(m -> m.id, m -> m.relation));
        List<ItemView> items = DeclarationItem.of(d.id).stream().map(i -> new ItemView(i.id, i.section, i.category,
                i.ownerMemberId, Owner.of(relations.get(i.ownerMemberId)), i.acquiredOn, i.valueVnd,
                cipher.decrypt(i.descriptionEnc))).toList();
        return new DeclarationDetail(summary(d), cipher.decrypt(d.increaseExplanationEnc), items, d.submittedAt,
                d.correctedAt);
    }

    public DeclarationSummary summary(Declaration d) {
        List<FlagView> flags = d.flagsVersion == null ? List.of() : flags(d.id, d.flagsVersion);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select section, previous_vnd, current_vnd, change_vnd from declaration_section_change
                where declaration_id = ?1 order by section""").setParameter(1, d.id).getResultList();
        List<SectionChange> changes = rows.stream().map(r -> new SectionChange(Section.valueOf((String) r[0]),
                ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
        boolean required = d.previousId != null && d.explanationThresholdVnd != null
                && d.assetChangeVnd >= d.explanationThresholdVnd;
        return new DeclarationSummary(d.id, d.declarantId, d.agencyCode, d.provinceCode, d.kind, d.year, d.declaredOn,
                d.status, d.version, d.dueOn, d.late, d.totalAssetsVnd, d.totalIncomeVnd, d.totalLiabilitiesVnd,
                d.previousId, d.assetChangeVnd, d.incomeChangeVnd, d.explanationThresholdVnd, required,
                d.increaseExplanationEnc != null, d.riskScore, flags, changes, d.publishedOn);
    }

    private List<FlagView> flags(UUID declarationId, long version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select rule_id, rule_version, weight, figures::text from declaration_flag
                where declaration_id = ?1 and declaration_version = ?2 order by rule_id""")
                .setParameter(1, declarationId).setParameter(2, version).getResultList();
        List<FlagView> out = new ArrayList<>();
        for (Object[] r : rows) {
            try {
                out.add(new FlagView((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                        mapper.readValue((String) r[3], FIGURES)));
            } catch (Exception e) {
                throw new IllegalStateException("stored flag figures unreadable", e);
            }
        }
        return out;
    }

    /**
     * Re-reads {@code d} under a row lock: concurrent changes of one declaration (a retried submission, a plan
     * selecting it while it is concluded) run one after the other, each on the other's result and version.
     */
    public void lock(Declaration d) {
        em.refresh(d, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    private void lockDeclarant(UUID declarantId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "declarant:" + declarantId)
                .getSingleResult();
    }

    private void validateItems(List<ItemInput> items, UUID declarantId, LocalDate declaredOn) {
        Set<UUID> family = FamilyMember.of(declarantId).stream().map(m -> m.id).collect(Collectors.toSet());
        long perItem = rules.value(RuleData.MOVABLE_ITEM_THRESHOLD, declaredOn);
        List<FieldError> errors = new ArrayList<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ItemInput item = items.get(i);
            String at = "items[" + i + "]";
            Section section = item.category().section();
            if (item.ownerId() != null && !family.contains(item.ownerId())) {
                errors.add(new FieldError(at + ".ownerId", "not a family member of the declarant"));
            }
            if (item.acquiredOn() != null && item.acquiredOn().isAfter(declaredOn)) {
                errors.add(new FieldError(at + ".acquiredOn", "after the declaration date " + declaredOn));
            }
            if (section.isAsset() && item.acquiredOn() == null) {
                errors.add(new FieldError(at + ".acquiredOn", "required for an asset"));
            }
            boolean valueNeeded = section == Section.MOVABLE || section == Section.INCOME
                    || section == Section.LIABILITIES;
            if (valueNeeded && item.valueVnd() == null) {
                errors.add(new FieldError(at + ".valueVnd", "required for " + item.category()));
            }
            if (section == Section.MOVABLE && item.valueVnd() != null && item.valueVnd() < perItem) {
                errors.add(new FieldError(at + ".valueVnd", "below the per-item threshold of " + perItem
                        + " VND in force on " + declaredOn + "; such items are not declared one by one"));
            }
            List<Object> key = java.util.Arrays.asList(item.category(), item.ownerId(), item.acquiredOn(),
                    item.valueVnd(), item.description() == null ? null : item.description().strip().toLowerCase());
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                errors.add(new FieldError(at, "duplicates items[" + first + "]"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("invalid-items", "The item list has " + errors.size() + " problem"
                    + (errors.size() == 1 ? "" : "s") + "; nothing was recorded.", errors);
        }
    }

    private void writeItems(Declaration d, List<ItemInput> items) {
        for (int i = 0; i < items.size(); i++) {
            ItemInput in = items.get(i);
            DeclarationItem item = new DeclarationItem();
            item.id = UUID.randomUUID();
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

    /** Totals, change against the previous declaration, lateness, red flags, and the events of it all. */
    private void analyseAndPublish(Declaration d) {
        Declarant declarant = Declarant.findById(d.declarantId);
        List<DeclarationItem> items = DeclarationItem.of(d.id);
        Map<Section, Long> current = sectionTotals(items);
        d.totalAssetsVnd = assets(current);
        d.totalIncomeVnd = current.get(Section.INCOME);
        d.totalLiabilitiesVnd = current.get(Section.LIABILITIES);

        d.dueOn = switch (d.kind) {
            case FIRST_TIME -> rules.firstTimeDeadline(declarant.appointedOn);
            case ANNUAL, SUPPLEMENTARY -> rules.yearEndDeadline(d.year);
            case PERSONNEL_WORK -> null;
        };
        long daysLate = d.dueOn == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(d.dueOn, d.declaredOn));
        d.late = daysLate > 0;

        Declaration previous = Declaration.find("declarantId = ?1 and id <> ?2 and status <> ?3 and declaredOn <= ?4 "
                + "order by declaredOn desc, submittedAt desc", d.declarantId, d.id, DeclarationStatus.DRAFT,
                d.declaredOn).firstResult();
        em.createNativeQuery("delete from declaration_section_change where declaration_id = ?1").setParameter(1, d.id)
                .executeUpdate();
        d.previousId = previous == null ? null : previous.id;
        d.explanationThresholdVnd = rules.value(RuleData.INCREASE_EXPLANATION_THRESHOLD, d.declaredOn);
        if (previous != null) {
            Map<Section, Long> before = sectionTotals(DeclarationItem.of(previous.id));
            for (Section s : Section.values()) {
                em.createNativeQuery("""
                        insert into declaration_section_change (declaration_id, section, previous_vnd, current_vnd, change_vnd)
                        values (?1, ?2, ?3, ?4, ?5)""")
                        .setParameter(1, d.id).setParameter(2, s.name()).setParameter(3, before.get(s))
                        .setParameter(4, current.get(s)).setParameter(5, Math.subtractExact(current.get(s), before.get(s)))
                        .executeUpdate();
            }
            d.assetChangeVnd = Math.subtractExact(d.totalAssetsVnd, assets(before));
            d.incomeChangeVnd = Math.subtractExact(d.totalIncomeVnd, before.get(Section.INCOME));
        } else {
            d.assetChangeVnd = 0;
            d.incomeChangeVnd = 0;
        }

        d.version++;
        outbox.publish(Topics.DECLARATIONS, EventTypes.DECLARATION_SUBMITTED, d.id.toString(), new DeclarationSubmitted(
                d.id, d.version, VietnamTime.now(), d.declarantId, d.agencyCode, d.provinceCode, d.year,
                d.kind.name(), d.declaredOn, d.late, d.totalAssetsVnd, d.totalIncomeVnd, d.assetChangeVnd));

        DeclarationFigures figures = figures(items, d, previous != null, daysLate);
        List<RaisedFlag> raised = engine.evaluate(figures, d.declaredOn);
        d.riskScore = RedFlagEngine.riskScore(raised);
        if (!raised.isEmpty()) {
            d.version++;
        }
        d.flagsVersion = d.version;
        for (RaisedFlag f : raised) {
            try {
                em.createNativeQuery("""
                        insert into declaration_flag (declaration_id, declaration_version, rule_id, rule_version, weight, figures)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))""")
                        .setParameter(1, d.id).setParameter(2, d.version).setParameter(3, f.ruleId())
                        .setParameter(4, f.ruleVersion()).setParameter(5, f.weight())
                        .setParameter(6, mapper.writeValueAsString(f.figures())).executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!raised.isEmpty()) {
            outbox.publish(Topics.DECLARATIONS, EventTypes.DECLARATION_FLAGGED, d.id.toString(), new DeclarationFlagged(
                    d.id, d.version, VietnamTime.now(), d.declarantId, d.agencyCode, d.provinceCode,
                    d.year, d.kind.name(), raised.stream()
                            .map(f -> new DeclarationFlagged.Flag(f.ruleId(), f.ruleVersion())).toList()));
        }
    }

    private DeclarationFigures figures(List<DeclarationItem> items, Declaration d, boolean hasPrevious, long daysLate) {
        long monetary = 0, cash = 0, gifts = 0, foreign = 0, withoutValue = 0, houses = 0, land = 0, family = 0;
        for (DeclarationItem i : items) {
            long v = i.valueVnd == null ? 0 : i.valueVnd;
            if (i.category.isMonetary()) {
                monetary = Math.addExact(monetary, v);
            }
            if (i.category == ItemCategory.CASH) {
                cash = Math.addExact(cash, v);
            }
            if (i.category == ItemCategory.GIFT) {
                gifts = Math.addExact(gifts, v);
            }
            if (i.section == Section.FOREIGN) {
                foreign++;
            }
            if (i.section.isAsset() && v == 0) {
                withoutValue++;
            }
            if (i.category == ItemCategory.HOUSE) {
                houses++;
            }
            if (i.category == ItemCategory.LAND) {
                land++;
            }
            if (i.section.isAsset() && i.ownerMemberId != null) {
                family = Math.addExact(family, v);
            }
        }
        return new DeclarationFigures(d.totalAssetsVnd, d.totalIncomeVnd, d.totalLiabilitiesVnd, monetary, cash, gifts,
                foreign, withoutValue, houses, land, family, daysLate, hasPrevious, d.assetChangeVnd,
                d.explanationThresholdVnd, d.increaseExplanationEnc != null);
    }

    private static Map<Section, Long> sectionTotals(List<DeclarationItem> items) {
        Map<Section, Long> totals = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            totals.put(s, 0L);
        }
        for (DeclarationItem i : items) {
            if (i.valueVnd != null) {
                totals.merge(i.section, i.valueVnd, Math::addExact);
            }
        }
        return totals;
    }

    private static long assets(Map<Section, Long> totals) {
        return totals.entrySet().stream().filter(e -> e.getKey().isAsset()).mapToLong(Map.Entry::getValue)
                .reduce(0L, Math::addExact);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package vn.inspectorate.declarations.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.declarations.Declaration;
import vn.inspectorate.declarations.declarations.DeclarationService;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.declarations.verification.VerificationApi.Conclude;
import vn.inspectorate.declarations.verification.VerificationApi.CreatePlan;
import vn.inspectorate.declarations.verification.VerificationApi.PlanView;
import vn.inspectorate.declarations.verification.VerificationApi.VerificationView;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.security.CallerScope;

/** Yearly plans (random share plus high risk), verifications on request or denunciation, and their conclusions. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);

    private final VerificationStore store;
    private final DeclarationAccess access;
    private final DeclarationService declarations;
    private final RuleData rules;
    private final Outbox outbox;
    private final SecureRandom seeds = new SecureRandom();

    private final CallerScope caller;

    VerificationService(VerificationStore store, DeclarationAccess access, DeclarationService declarations, RuleData rules,
            Outbox outbox, CallerScope caller) {
        this.store = store;
        this.caller = caller;
        this.access = access;
        this.declarations = declarations;
        this.rules = rules;
        this.outbox = outbox;
    }

    public Written<PlanView> plan(CreatePlan in) {
        boolean ownAgency = caller.agency().map(in.agencyCode()::equals).orElse(false);
        if (!access.isCentralController() && !(ownAgency && access.mayControl(in.agencyCode(), ""))) {
            throw Refusals.forbidden("verification.forbidden.plan");
        }
        store.lockPlan(in.agencyCode(), in.year());
        VerificationPlan existing = store.plan(in.agencyCode(), in.year());
        if (existing != null) {
            // (agency, year) is the plan's natural key; a seed sent again must be the plan's
            Refusals.requireSame(NaturalKeyMatch.compare()
                    .field("seed", in.seed() == null ? existing.seed : in.seed(), existing.seed),
                    "natural-key.what.verification-plan", "natural-key.key.verification-plan", existing.id);
            return Written.existing(view(existing));
        }
        LocalDate ruleDate = LocalDate.of(in.year(), 12, 31);
        int percent = rules.intValue(RuleData.RANDOM_VERIFICATION_PERCENT, ruleDate);
        int riskThreshold = rules.intValue(RuleData.VERIFICATION_RISK_SCORE, ruleDate);

        // the population: each declarant's latest filed declaration of the year
        Map<UUID, UUID> declarationOf = new LinkedHashMap<>();
        Map<UUID, Integer> riskOf = new LinkedHashMap<>();
        for (VerificationStore.Candidate c : store.population(in.agencyCode(), in.year())) {
            declarationOf.put(c.declarantId(), c.declarationId());
            riskOf.put(c.declarantId(), c.riskScore());
        }
        long seed = in.seed() != null ? in.seed() : seeds.nextLong();
        List<UUID> random = RandomSelection.select(new ArrayList<>(declarationOf.keySet()), seed, percent);
        Set<UUID> chosen = new HashSet<>(random);
        List<UUID> risky = riskOf.entrySet().stream()
                .filter(e -> e.getValue() >= riskThreshold && !chosen.contains(e.getKey())).map(Map.Entry::getKey)
                .toList();

        VerificationPlan plan = new VerificationPlan();
        plan.id = TimeOrderedIds.next();
        plan.agencyCode = in.agencyCode();
        plan.year = in.year();
        plan.seed = seed;
        plan.percent = percent;
        plan.riskScoreThreshold = riskThreshold;
        plan.population = declarationOf.size();
        plan.randomSelected = random.size();
        plan.riskSelected = risky.size();
        plan.createdBy = caller.subject();
        store.persistPlan(plan);
        for (UUID declarant : random) {
            open(Declaration.findById(declarationOf.get(declarant)), Verification.Ground.RANDOM_SELECTION, plan.id,
                    null, plan.createdBy, "yearly plan, seed " + seed);
        }
        for (UUID declarant : risky) {
            open(Declaration.findById(declarationOf.get(declarant)), Verification.Ground.RISK_SCORE, plan.id, null,
                    plan.createdBy, "risk score at or above " + riskThreshold);
        }
        return Written.created(view(plan));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView readPlan(UUID id) {
        VerificationPlan plan = VerificationPlan.findById(id);
        if (plan == null || !(access.isNationalReader()
                || caller.agency().map(plan.agencyCode::equals).orElse(false))) {
            throw Refusals.notFound("what.verification-plan", id);
        }
        return view(plan);
    }

    public VerificationView request(UUID declarationId, String reason) {
        Declaration d = declarations.controllable(declarationId);
        if (!d.isFiled()) {
            throw Refusals.conflict("not-submitted", Map.of("currentStatus", d.status), "declaration.draft.not-verified");
        }
        return VerificationView.of(open(d, Verification.Ground.REQUEST, null, null, caller.subject(), reason));
    }

    /**
     * A denunciation names a declarant: their latest filed declaration is verified. Runs in the consumer's
     * transaction; a second delivery of the same case opens nothing new.
     */
    public Optional<Verification> denunciation(UUID caseId, UUID declarantId) {
        Declaration latest = declarations.latestFiled(declarantId);
        if (latest == null) {
            LOG.infof("case %s names declarant %s, who has no filed declaration; nothing to verify", caseId, declarantId);
            return Optional.empty();
        }
        Verification existing = Verification.find("declarationId = ?1 and caseId = ?2", latest.id, caseId).firstResult();
        if (existing != null) {
            return Optional.of(existing);
        }
        return Optional.of(open(latest, Verification.Ground.DENUNCIATION, null, caseId, "case:" + caseId,
                "denunciation " + caseId));
    }

    public VerificationView conclude(UUID id, Conclude in) {
        Verification v = Verification.findById(id);
        Declaration d = v == null ? null : Declaration.findById(v.declarationId);
        if (d == null || !access.mayControl(d.agencyCode, d.provinceCode)) {
            throw Refusals.notFound("what.verification", id);
        }
        declarations.lock(d);
        store.lock(v);
        if (v.status == Verification.Status.CONCLUDED) {
            throw Refusals.conflict("already-concluded", Map.of("conclusion", v.conclusion),
                    "verification.already-concluded", String.valueOf(v.concludedOn));
        }
        v.status = Verification.Status.CONCLUDED;
        v.conclusion = in.conclusion();
        v.findings = in.findings();
        v.unexplainedIncreaseVnd = in.unexplainedIncreaseVnd();
        v.concludedOn = in.concludedOn();
        d.verified();
        outbox.publish(d.id.toString(), VerificationEvents.verified(d, v));
        return VerificationView.of(v);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VerificationView read(UUID id) {
        Verification v = Verification.findById(id);
        Declaration d = v == null ? null : Declaration.findById(v.declarationId);
        if (d == null || !access.mayControl(d.agencyCode, d.provinceCode)) {
            throw Refusals.notFound("what.verification", id);
        }
        return VerificationView.of(v);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VerificationView> ofDeclaration(UUID declarationId) {
        Declaration d = declarations.controllable(declarationId);
        return Verification.<Verification>list("declarationId = ?1 order by createdAt", d.id).stream()
                .map(VerificationView::of).toList();
    }

    private Verification open(Declaration d, Verification.Ground ground, UUID planId, UUID caseId, String by,
            String reason) {
        declarations.lock(d);
        Verification v = new Verification();
        v.id = TimeOrderedIds.next();
        v.declarationId = d.id;
        v.ground = ground;
        v.planId = planId;
        v.caseId = caseId;
        v.requestedBy = by;
        v.reason = reason;
        v.status = Verification.Status.OPEN;
        v.persist();
        d.selectedForVerification();
        outbox.publish(d.id.toString(), VerificationEvents.selected(d, v));
        return v;
    }

    private PlanView view(VerificationPlan plan) {
        List<VerificationView> selected = Verification.<Verification>list("planId = ?1 order by ground, declarationId",
                plan.id).stream().map(VerificationView::of).toList();
        return new PlanView(plan.id, plan.agencyCode, plan.year, plan.seed, plan.percent, plan.riskScoreThreshold,
                plan.population, plan.randomSelected, plan.riskSelected, selected);
    }
}

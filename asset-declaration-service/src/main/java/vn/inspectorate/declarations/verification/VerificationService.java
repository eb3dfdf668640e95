package vn.inspectorate.declarations.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.inspectorate.contracts.EventTypes;
import vn.inspectorate.contracts.Topics;
import vn.inspectorate.contracts.declarations.DeclarationVerificationSelected;
import vn.inspectorate.contracts.declarations.DeclarationVerified;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.declarations.Declaration;
import vn.inspectorate.declarations.declarations.DeclarationService;
import vn.inspectorate.declarations.declarations.DeclarationStatus;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.declarations.verification.VerificationApi.Conclude;
import vn.inspectorate.declarations.verification.VerificationApi.CreatePlan;
import vn.inspectorate.declarations.verification.VerificationApi.PlanView;
import vn.inspectorate.declarations.verification.VerificationApi.VerificationView;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.time.VietnamTime;

/** Yearly plans (random share plus high risk), verifications on request or denunciation, and their conclusions. */
@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);

    private final EntityManager em;
    private final DeclarationAccess access;
    private final DeclarationService declarations;
    private final RuleData rules;
    private final Outbox outbox;
    private final SecureRandom seeds = new SecureRandom();

    VerificationService(EntityManager em, DeclarationAccess access, DeclarationService declarations, RuleData rules,
            Outbox outbox) {
        this.em = em;
        this.access = access;
        this.declarations = declarations;
        this.rules = rules;
        this.outbox = outbox;
    }

    /** A plan and whether this request created it or found it under its (agency, year). */
    public record PlanCreation(PlanView plan, boolean created) {
    }

    @Transactional
    public PlanCreation plan(CreatePlan in) {
        boolean ownAgency = access.caller().agency().map(in.agencyCode()::equals).orElse(false);
        if (!access.isCentralController() && !(ownAgency && access.mayControl(in.agencyCode(), ""))) {
            throw ProblemException.forbidden("Only the agency's own or a central asset controller plans its verification.");
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "plan:" + in.agencyCode() + ":" + in.year()).getSingleResult();
        VerificationPlan existing = VerificationPlan.find("agencyCode = ?1 and year = ?2", in.agencyCode(), in.year())
                .firstResult();
        if (existing != null) {
            // (agency, year) is the plan's natural key; a seed sent again must be the plan's
            NaturalKeyMatch.compare().field("seed", in.seed() == null ? existing.seed : in.seed(), existing.seed)
                    .requireSame("A verification plan", "agency and year", existing.id);
            return new PlanCreation(view(existing), false);
        }
        LocalDate ruleDate = LocalDate.of(in.year(), 12, 31);
        int percent = rules.intValue(RuleData.RANDOM_VERIFICATION_PERCENT, ruleDate);
        int riskThreshold = rules.intValue(RuleData.VERIFICATION_RISK_SCORE, ruleDate);

        // the population: each declarant's latest filed declaration of the year
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select distinct on (declarant_id) declarant_id, id, risk_score from declaration
                where agency_code = ?1 and year = ?2 and status <> 'DRAFT'
                order by declarant_id, declared_on desc, submitted_at desc""")
                .setParameter(1, in.agencyCode()).setParameter(2, in.year()).getResultList();
        Map<UUID, UUID> declarationOf = new LinkedHashMap<>();
        Map<UUID, Integer> riskOf = new LinkedHashMap<>();
        for (Object[] r : rows) {
            declarationOf.put((UUID) r[0], (UUID) r[1]);
            riskOf.put((UUID) r[0], ((Number) r[2]).intValue());
        }
        long seed = in.seed() != null ? in.seed() : seeds.nextLong();
        List<UUID> random = RandomSelection.select(new ArrayList<>(declarationOf.keySet()), seed, percent);
        Set<UUID> chosen = new HashSet<>(random);
        List<UUID> risky = riskOf.entrySet().stream()
                .filter(e -> e.getValue() >= riskThreshold && !chosen.contains(e.getKey())).map(Map.Entry::getKey)
                .toList();

        VerificationPlan plan = new VerificationPlan();
        plan.id = UUID.randomUUID();
        plan.agencyCode = in.agencyCode();
        plan.year = in.year();
        plan.seed = seed;
        plan.percent = percent;
        plan.riskScoreThreshold = riskThreshold;
        plan.population = declarationOf.size();
        plan.randomSelected = random.size();
        plan.riskSelected = risky.size();
        plan.createdBy = access.caller().subject();
        plan.persist();
        em.flush();
        for (UUID declarant : random) {
            open(Declaration.findById(declarationOf.get(declarant)), Verification.Ground.RANDOM_SELECTION, plan.id,
                    null, plan.createdBy, "yearly plan, seed " + seed);
        }
        for (UUID declarant : risky) {
            open(Declaration.findById(declarationOf.get(declarant)), Verification.Ground.RISK_SCORE, plan.id, null,
                    plan.createdBy, "risk score at or above " + riskThreshold);
        }
        return new PlanCreation(view(plan), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView readPlan(UUID id) {
        VerificationPlan plan = VerificationPlan.findById(id);
        if (plan == null || !(access.isNationalReader()
                || access.caller().agency().map(plan.agencyCode::equals).orElse(false))) {
            throw ProblemException.notFound("Verification plan " + id);
        }
        return view(plan);
    }

    @Transactional
    public VerificationView request(UUID declarationId, String reason) {
        Declaration d = declarations.controllable(declarationId);
        if (!d.isFiled()) {
            throw ProblemException.conflict("not-submitted", "A draft is not verified.", Map.of("currentStatus", d.status));
        }
        return VerificationView.of(open(d, Verification.Ground.REQUEST, null, null, access.caller().subject(), reason));
    }

    /**
     * A denunciation names a declarant: their latest filed declaration is verified. Runs in the consumer's
     * transaction; a second delivery of the same case opens nothing new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Verification> denunciation(UUID caseId, UUID declarantId) {
        Declaration latest = Declaration.find("declarantId = ?1 and status <> ?2 order by declaredOn desc, submittedAt desc",
                declarantId, DeclarationStatus.DRAFT).firstResult();
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

    @Transactional
    public VerificationView conclude(UUID id, Conclude in) {
        Verification v = Verification.findById(id);
        Declaration d = v == null ? null : Declaration.findById(v.declarationId);
        if (d == null || !access.mayControl(d.agencyCode, d.provinceCode)) {
            throw ProblemException.notFound("Verification " + id);
        }
        declarations.lock(d);
        em.refresh(v, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (v.status == Verification.Status.CONCLUDED) {
            throw ProblemException.conflict("already-concluded", "This verification was concluded on "
                    + v.concludedOn + ".", Map.of("conclusion", v.conclusion));
        }
        v.status = Verification.Status.CONCLUDED;
        v.conclusion = in.conclusion();
        v.findings = in.findings();
        v.unexplainedIncreaseVnd = in.unexplainedIncreaseVnd();
        v.concludedOn = in.concludedOn();
        d.status = DeclarationStatus.VERIFIED;
        d.version++;
        outbox.publish(Topics.DECLARATIONS, EventTypes.DECLARATION_VERIFIED, d.id.toString(), new DeclarationVerified(
                d.id, d.version, VietnamTime.now(), d.declarantId, d.agencyCode, d.provinceCode, d.year,
                d.kind.name(), v.id, v.conclusion.name(), v.unexplainedIncreaseVnd, v.concludedOn));
        return VerificationView.of(v);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VerificationView read(UUID id) {
        Verification v = Verification.findById(id);
        Declaration d = v == null ? null : Declaration.findById(v.declarationId);
        if (d == null || !access.mayControl(d.agencyCode, d.provinceCode)) {
            throw ProblemException.notFound("Verification " + id);
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
        v.id = UUID.randomUUID();
        v.declarationId = d.id;
        v.ground = ground;
        v.planId = planId;
        v.caseId = caseId;
        v.requestedBy = by;
        v.reason = reason;
        v.status = Verification.Status.OPEN;
        v.persist();
        d.version++;
        outbox.publish(Topics.DECLARATIONS, EventTypes.DECLARATION_VERIFICATION_SELECTED, d.id.toString(),
                new DeclarationVerificationSelected(d.id, d.version, VietnamTime.now(), d.declarantId,
                        d.agencyCode, d.provinceCode, d.year, d.kind.name(), v.id, ground.name(), null));
        return v;
    }

    private PlanView view(VerificationPlan plan) {
        List<VerificationView> selected = Verification.<Verification>list("planId = ?1 order by ground, declarationId",
                plan.id).stream().map(VerificationView::of).toList();
        return new PlanView(plan.id, plan.agencyCode, plan.year, plan.seed, plan.percent, plan.riskScoreThreshold,
                plan.population, plan.randomSelected, plan.riskSelected, selected);
    }
}

package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.inspectorate.complaints.identity.CaseIdentity;
import vn.inspectorate.complaints.identity.IdentityVault;
import vn.inspectorate.complaints.rules.RuleBook;
import vn.inspectorate.complaints.rules.RuleSet;
import vn.inspectorate.complaints.units.AdministrativeUnits;
import vn.inspectorate.platform.problem.Problem;

/**
 * Receives cases from provincial systems. The natural key (province, source system, source reference) is claimed
 * first with an insert that cannot fail, so a retry or a concurrent duplicate is answered with the original case and
 * a batch is never aborted by one of its items; the same key filed with other values is a conflict, never the other
 * case.
 */
@ApplicationScoped
public class CaseIntakeService {

    private static final Logger LOG = Logger.getLogger(CaseIntakeService.class);
    static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);

    private final EntityManager em;
    private final RuleBook ruleBook;
    private final CaseClocks clocks;
    private final AdministrativeUnits units;
    private final IdentityVault vault;
    private final DuplicateDetector duplicates;
    private final CaseHistoryLog history;
    private final CaseEvents events;
    private final Validator validator;

    CaseIntakeService(EntityManager em, RuleBook ruleBook, CaseClocks clocks, AdministrativeUnits units,
            IdentityVault vault, DuplicateDetector duplicates, CaseHistoryLog history, CaseEvents events,
            Validator validator) {
        this.em = em;
        this.ruleBook = ruleBook;
        this.clocks = clocks;
        this.units = units;
        this.vault = vault;
        this.duplicates = duplicates;
        this.history = history;
        this.events = events;
        this.validator = validator;
    }

    /**
     * Files one case for a caller of {@code callerProvince}. Field annotations must have been checked already
     * ({@code checkFields}); the checks that need data (dates, units, province) are made here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IntakeOutcome submit(CaseSubmission s, String callerProvince, String actor) {
        Optional<IntakeOutcome.Rejected> refusal = refusal(s, callerProvince);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        UUID id = UUID.randomUUID();
        int claimed = em.createNativeQuery("""
                insert into case_source_key (province_code, source_system, source_reference, case_id)
                values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, callerProvince).setParameter(2, s.sourceSystem())
                .setParameter(3, s.sourceReference()).setParameter(4, id).executeUpdate();
        if (claimed == 0) {
            UUID existing = (UUID) em.createNativeQuery("""
                    select case_id from case_source_key
                    where province_code = ?1 and source_system = ?2 and source_reference = ?3""")
                    .setParameter(1, callerProvince).setParameter(2, s.sourceSystem())
                    .setParameter(3, s.sourceReference()).getSingleResult();
            return repeated(existing, CaseFiling.of(s));
        }
        CitizenCase c = newCase(id, s, callerProvince);
        c.persistAndFlush();
        history.record(c.id, actor, CaseHistoryLog.RECEIVE, null, c.status, CaseHistoryLog.receiptDetail(c));
        String identityHash = vault.store(c.id, CaseIdentity.of(s.complainant(), s.representatives())).orElse(null);
        List<UUID> likelyDuplicates = duplicates.link(c, identityHash, clocks.rulesOf(c));
        // both events in one statement
        events.publishAll(events.received(c));
        LOG.debugf("case %s received in %s", c.id, c.provinceCode);
        return new IntakeOutcome.Created(c, likelyDuplicates);
    }

    /**
     * A filing that repeats the source reference of case {@code existing}: a retry when it says the same as the case
     * was filed with, else a conflict naming the fields that differ.
     */
    IntakeOutcome repeated(UUID existing, CaseFiling filing) {
        CitizenCase original = CitizenCase.findById(existing);
        List<String> differing = filing.differingFrom(CaseFiling.of(original, vault.load(existing).orElse(null)));
        return differing.isEmpty() ? new IntakeOutcome.Duplicate(existing)
                : new IntakeOutcome.Conflict(existing, differing);
    }

    /** The checks that need data (dates, units, the caller's province, a cited case); empty when it may be filed. */
    Optional<IntakeOutcome.Rejected> refusal(CaseSubmission s, String callerProvince) {
        List<Problem.FieldError> errors = checkContent(s);
        if (!errors.isEmpty()) {
            return Optional.of(new IntakeOutcome.Rejected(422, errors));
        }
        if (!units.successorOn(s.provinceCode(), BusinessDate.today()).equals(callerProvince)) {
            return Optional.of(new IntakeOutcome.Rejected(403, List.of(new Problem.FieldError("provinceCode",
                    "you may file cases of your own province only"))));
        }
        if (s.reopensCaseId() != null) {
            CitizenCase cited = CitizenCase.findById(s.reopensCaseId());
            if (cited == null || !cited.provinceCode.equals(callerProvince)) {
                return Optional.of(new IntakeOutcome.Rejected(422, List.of(new Problem.FieldError("reopensCaseId",
                        "no case of your province has this id"))));
            }
        }
        return Optional.empty();
    }

    /** Bean Validation of one batch item, with field paths under {@code prefix}. */
    public List<Problem.FieldError> checkFields(CaseSubmission s, String prefix) {
        if (s == null) {
            return List.of(new Problem.FieldError(prefix.isEmpty() ? "body" : prefix, "must not be null"));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<CaseSubmission> v : validator.validate(s)) {
            errors.add(new Problem.FieldError(prefix + "." + v.getPropertyPath(), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    /** Checks that need dates or reference data. */
    List<Problem.FieldError> checkContent(CaseSubmission s) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = BusinessDate.today();
        if (s.receivedOn().isBefore(EARLIEST_DATE)) {
            errors.put("receivedOn", "must not be before " + EARLIEST_DATE);
        } else if (s.receivedOn().isAfter(today)) {
            errors.put("receivedOn", "must not be in the future");
        }
        if (s.decisionLearnedOn() != null) {
            if (s.decisionLearnedOn().isBefore(EARLIEST_DATE)) {
                errors.put("decisionLearnedOn", "must not be before " + EARLIEST_DATE);
            } else if (s.decisionLearnedOn().isAfter(s.receivedOn())) {
                errors.put("decisionLearnedOn", "must not be after receivedOn");
            }
        }
        if (!errors.containsKey("receivedOn")) {
            // the unit must be in force on the day the case was received; a merged-away one names its successor
            units.refusal(s.provinceCode(), s.receivedOn()).ifPresent(reason -> errors.put("provinceCode", reason));
        }
        if (s.kind() != CaseKind.COMPLAINT && s.instance() != null && s.instance() != 1) {
            errors.put("instance", "only a complaint has a second instance");
        }
        if (s.representatives() != null && !s.representatives().isEmpty() && s.complainant() == null) {
            errors.put("complainant", "required when representatives are named");
        }
        return errors.entrySet().stream().map(e -> new Problem.FieldError(e.getKey(), e.getValue())).toList();
    }

    CitizenCase newCase(UUID id, CaseSubmission s, String callerProvince) {
        RuleSet rules = ruleBook.inForceOn(s.receivedOn());
        CitizenCase c = new CitizenCase();
        c.id = id;
        c.version = 1;
        c.provinceCode = callerProvince;
        c.filedUnitCode = s.provinceCode();
        c.sourceSystem = s.sourceSystem();
        c.sourceReference = s.sourceReference();
        c.receivingBodyCode = s.receivingBodyCode();
        c.channel = s.channel();
        c.declaredKind = s.kind();
        c.kind = s.kind();
        c.instance = s.instanceOrDefault();
        c.filedInstance = c.instance;
        c.status = CaseStatus.RECEIVED;
        c.subject = s.subject().strip();
        c.summary = s.summary();
        c.respondentCode = s.respondentCode();
        c.respondentDeclarantId = s.respondentDeclarantId();
        c.filedRespondentDeclarantId = c.respondentDeclarantId;
        c.receivedOn = s.receivedOn();
        c.decisionLearnedOn = s.decisionLearnedOn();
        c.signed = s.signed() == null || s.signed();
        c.affectsComplainant = s.affectsComplainant() == null || s.affectsComplainant();
        c.decidedAtSecondInstance = s.decidedAtSecondInstance() != null && s.decidedAtSecondInstance();
        c.anonymous = s.complainant() == null;
        c.complainantCount = s.complainantCountOrDefault();
        c.representativeCount = s.representatives() == null ? 0 : s.representatives().size();
        c.mass = clocks.isMass(rules, c.complainantCount);
        c.ruleSetVersion = rules.version();
        c.parentCaseId = s.reopensCaseId();
        var now = CaseEvents.now();
        c.createdAt = now;
        c.updatedAt = now;
        clocks.applyReceipt(c);
        return c;
    }
}

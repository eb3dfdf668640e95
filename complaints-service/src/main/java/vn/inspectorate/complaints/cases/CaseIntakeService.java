package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.inspectorate.complaints.identity.CaseIdentity;
import vn.inspectorate.complaints.identity.IdentityVault;
import vn.inspectorate.complaints.rules.RuleBook;
import vn.inspectorate.complaints.rules.RuleSet;
import vn.inspectorate.complaints.units.RemoteAreas;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.sql.Sql;

/**
 * The one way a case comes in: a batch, a single case (a batch of one) and the second-instance case of an escalation
 * all go through {@link #write}. The natural key (province, source system, source reference) is claimed first with an
 * insert that cannot fail, so a retry or a concurrent duplicate is answered with the original case and a batch is never
 * aborted by one of its items; the same key filed with other values is a conflict, never the other case. Each chunk
 * costs a constant number of statements in two round trips to the database: keys claimed and likely duplicates
 * looked up together, then the cases with their history, identities, duplicate links and events written together
 * (see {@link #write}). Each item ends as it would have filed alone in the batch's order, also when the same source
 * reference comes twice in one batch.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseIntakeService {

    private static final Logger LOG = Logger.getLogger(CaseIntakeService.class);
    /** Items written per round of statements: bounds the memory a very large batch holds at once. */
    static final int CHUNK = 500;
    /** The source system of a second-instance case; its source reference is the first-instance case. */
    static final String ESCALATION = "escalation";
    /** The source system of a case arrived by a transfer; its source reference is the sending case. */
    static final String TRANSFER = "transfer";

    private final EntityManager em;
    private final RuleBook ruleBook;
    private final CaseClocks clocks;
    private final IntakeChecks checks;
    private final IdentityVault vault;
    private final DuplicateDetector duplicates;
    private final CaseStore store;
    private final CaseHistoryLog history;
    private final CaseEvents events;
    private final RemoteAreas remoteAreas;
    private final Sql sql;

    CaseIntakeService(Sql sql, EntityManager em, RuleBook ruleBook, CaseClocks clocks, IntakeChecks checks,
            IdentityVault vault, DuplicateDetector duplicates, CaseStore store, CaseHistoryLog history,
            CaseEvents events, RemoteAreas remoteAreas) {
        this.remoteAreas = remoteAreas;
        this.sql = sql;
        this.em = em;
        this.ruleBook = ruleBook;
        this.clocks = clocks;
        this.checks = checks;
        this.vault = vault;
        this.duplicates = duplicates;
        this.store = store;
        this.history = history;
        this.events = events;
    }

    /** Files one case for a caller of {@code province}: a batch of one, its field errors named without a prefix. */
    public IntakeOutcome fileOne(CaseSubmission s, String province, String actor) {
        return file(List.of(s), province, actor, false, false).get(0);
    }

    /** Files a batch; {@code backfill} loads cases received before today as history. */
    public BatchResult file(List<CaseSubmission> submissions, String province, String actor, boolean backfill) {
        return BatchResult.of(submissions, file(submissions, province, actor, backfill, true));
    }

    private List<IntakeOutcome> file(List<CaseSubmission> submissions, String province, String actor,
            boolean backfill, boolean inBatch) {
        IntakeOutcome[] outcomes = new IntakeOutcome[submissions.size()];
        List<Filing> accepted = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            CaseSubmission s = submissions.get(i);
            var refusal = checks.refusal(s, province, backfill, inBatch ? "cases[" + i + "]" : "");
            if (refusal.isPresent()) {
                outcomes[i] = refusal.get();
                continue;
            }
            CitizenCase c = newCase(TimeOrderedIds.next(), s, province);
            c.backfilled = backfill;
            accepted.add(new Filing(i, c, CaseIdentity.of(s.complainant(), s.representatives()), CaseFiling.of(s)));
            if (accepted.size() == CHUNK) {
                write(accepted, province, actor, outcomes, true, false);
                accepted.clear();
                // the chunk is written; the originals of its repeated keys, loaded to compare, are not needed again
                em.clear();
            }
        }
        write(accepted, province, actor, outcomes, true, false);
        return List.of(outcomes);
    }

    /**
     * Files the second-instance case of an escalated first-instance case {@code first}: received at {@code toBody} on
     * {@code filedOn} with what the first was filed with, then classified as a second-instance complaint. Its source
     * key is the first case, which escalates once. A second instance is its parent's matter, not a new one: it is not
     * searched for duplicates.
     */
    CitizenCase fileSecondInstance(CitizenCase first, String toBody, LocalDate filedOn, String actor) {
        CaseIdentity identity = vault.load(first.id).orElse(null);
        CaseSubmission s = new CaseSubmission(ESCALATION, first.id.toString(), first.provinceCode, toBody,
                first.channel, CaseKind.COMPLAINT, 2, filedOn, first.resolvedOn, first.subject, first.summary,
                first.respondentCode, null, first.signed, first.affectsComplainant, false, first.evidenceOffered,
                first.complainantCount,
                first.id, identity == null ? null : identity.complainant(),
                identity == null ? null : identity.representatives());
        CitizenCase second = newCase(TimeOrderedIds.next(), s, first.provinceCode);
        second.mass = first.mass;  // the matter keeps the mass status it was filed with
        // the remote area as the first instance settled it, an override with its reason
        second.remoteAreaDerived = first.remoteAreaDerived;
        second.classify(new CaseCommands.Classify(CaseKind.COMPLAINT, 2, first.complex, first.remoteArea,
                first.remoteAreaReason, null), clocks);
        second.changed();
        IntakeOutcome[] outcome = new IntakeOutcome[1];
        write(List.of(new Filing(0, second, identity == null ? CaseIdentity.of(null, null) : identity,
                CaseFiling.of(s))), first.provinceCode, actor, outcome, false, true);
        if (!(outcome[0] instanceof IntakeOutcome.Filed filed) || !filed.written().created()) {
            throw new IllegalStateException("case " + first.id + " already has a second instance");
        }
        return second;
    }

    /**
     * Files the case a transfer of {@code from} delivers to {@code toBody} of {@code toProvince}: received there on
     * {@code arrivedOn} (its clocks start then, under the rules of that day) with what {@code from} was filed with,
     * and its identity copied within this service's vault. Its source key in the receiving province is the sending
     * case, so a second delivery of the transfer finds the case the first one made. It is the sending case's matter,
     * not a new one: not searched for duplicates.
     */
    Written<CitizenCase> fileTransferred(CitizenCase from, String toBody, String toProvince, LocalDate arrivedOn,
            String actor) {
        CaseIdentity identity = vault.load(from.id).orElse(null);
        CaseSubmission s = new CaseSubmission(TRANSFER, from.id.toString(), toProvince, toBody, Channel.TRANSFERRED,
                from.declaredKind, from.instance, arrivedOn, from.decisionLearnedOn, from.subject, from.summary,
                from.respondentCode, from.respondentDeclarantId, from.signed, from.affectsComplainant,
                from.decidedAtSecondInstance, from.evidenceOffered, from.complainantCount, null,
                identity == null ? null : identity.complainant(), identity == null ? null : identity.representatives());
        CitizenCase arrived = newCase(TimeOrderedIds.next(), s, toProvince);
        arrived.transferredFromCaseId = from.id;
        arrived.backfilled = from.backfilled;
        clocks.applyReceipt(arrived);  // again, now that the filing limit is judged on the citizen's first filing
        IntakeOutcome[] outcome = new IntakeOutcome[1];
        write(List.of(new Filing(0, arrived, identity == null ? CaseIdentity.of(null, null) : identity,
                CaseFiling.of(s))), toProvince, actor, outcome, false, true);
        return switch (outcome[0]) {
            case IntakeOutcome.Filed filed when filed.written().created() -> Written.created(arrived);
            case IntakeOutcome.Filed filed -> Written.existing(store.findById(filed.written().value()));
            case IntakeOutcome.Conflict conflict -> Written.existing(store.findById(conflict.existingId()));
            case IntakeOutcome.Rejected rejected -> throw new IllegalStateException("transfer of " + from.id
                    + " refused on arrival: " + rejected.errors());
        };
    }

    /**
     * Writes a chunk of checked filings, in their order: claims their source keys, writes the new cases with their
     * history, identities, duplicate links and events; answers a repeated key with its original case or a conflict.
     * Two round trips to the database whatever the chunk's size: the keys claimed with the likely duplicates looked
     * up, then the cases and their other rows (one more only when a key was claimed already).
     * {@code managed}: the cases are persisted as entities, in a round trip of their own, for a caller that goes on
     * changing them (a second instance, a transfer). Otherwise they are written as rows with the others
     * ({@link CaseRows}) and handed back in the outcome: a filing does not change its new cases again.
     */
    private void write(List<Filing> chunk, String province, String actor, IntakeOutcome[] outcomes,
            boolean searchDuplicates, boolean managed) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<UUID, IdentityVault.Sealed> sealed = new HashMap<>();
        Map<UUID, String> identityHashes = new HashMap<>();
        for (Filing f : chunk) {
            vault.seal(f.c().id, f.identity()).ifPresent(s -> {
                sealed.put(f.c().id, s);
                identityHashes.put(f.c().id, s.hash());
            });
        }
        Sql.Pipeline lookups = sql.pipeline();
        CaseStore.Claim claim = store.claimSourceKeys(province, chunk.stream()
                .map(f -> new CaseStore.SourceKey(f.c().sourceSystem, f.c().sourceReference, f.c().id)).toList(),
                lookups);
        DuplicateDetector.Search search = searchDuplicates
                ? duplicates.search(chunk.stream().map(Filing::c).toList(), identityHashes, lookups) : null;
        lookups.send();
        Map<UUID, UUID> existing = claim.originals();
        List<CitizenCase> cases = new ArrayList<>();
        List<IdentityVault.Sealed> identities = new ArrayList<>();
        Map<UUID, CaseFiling> filedInChunk = new HashMap<>();
        for (Filing f : chunk) {
            UUID original = existing.get(f.c().id);
            if (original != null) {
                outcomes[f.index()] = repeated(f.filing(), original, filedInChunk.get(original));
                continue;
            }
            CitizenCase c = f.c();
            filedInChunk.put(c.id, f.filing());
            cases.add(c);
            if (managed) {
                em.persist(c);
            }
            IdentityVault.Sealed identity = sealed.get(c.id);
            if (identity != null) {
                identities.add(identity);
            }
        }
        Sql.Pipeline writes = sql.pipeline();
        if (managed) {
            em.flush();
        } else {
            CaseRows.insert(cases, writes);
        }
        history.receivedAll(cases, actor, writes);
        vault.storeAll(identities, writes);
        List<DuplicateDetector.Link> links = new ArrayList<>();
        Map<UUID, List<UUID>> likelyDuplicates = search != null
                ? search.link(cases, identityHashes, links, writes) : Map.of();
        Map<UUID, List<Outbox.PendingEvent>> linkEvents = CaseLinks.linkedEvents(links, cases);
        List<Outbox.PendingEvent> pending = new ArrayList<>(cases.size() * 2 + links.size());
        for (Filing f : chunk) {
            if (outcomes[f.index()] == null) {
                outcomes[f.index()] = new IntakeOutcome.Filed(Written.created(f.c().id),
                        likelyDuplicates.getOrDefault(f.c().id, List.of()), f.c());
                pending.addAll(events.received(f.c()));
                pending.addAll(linkEvents.getOrDefault(f.c().id, List.of()));
                LOG.debugf("case %s received in %s", f.c().id, province);
            }
        }
        events.publishAll(pending, writes);
        writes.send();
    }

    /**
     * A filing that repeats the source reference of case {@code original}: a retry when it says the same as that case
     * was filed with (by an earlier request, or by {@code earlierItem} of this chunk), else a conflict naming the
     * fields that differ.
     */
    private IntakeOutcome repeated(CaseFiling filing, UUID original, CaseFiling earlierItem) {
        CaseFiling stored = earlierItem != null ? earlierItem
                : CaseFiling.of(store.findById(original), vault.load(original).orElse(null));
        List<String> differing = filing.differingFrom(stored);
        return differing.isEmpty() ? new IntakeOutcome.Filed(Written.existing(original), List.of(), null)
                : new IntakeOutcome.Conflict(original, differing);
    }

    /** A case as filed: received, with its admissibility and acceptance clock under the rules of its receipt date. */
    private CitizenCase newCase(UUID id, CaseSubmission s, String callerProvince) {
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
        c.evidenceOffered = s.evidenceOfferedOrDefault();
        c.anonymous = s.complainant() == null;
        KindProposal.Reason proposal = KindProposal.of(s);
        c.proposedKind = proposal.kind();
        c.kindProposalReason = proposal;
        // offered to the inspector as information to examine or information only, however the filer declared it
        c.assessInformation(c.anonymous && (c.declaredKind == CaseKind.DENUNCIATION
                || c.proposedKind == CaseKind.DENUNCIATION));
        // the handling body is one of the case's unit: its designation on the receipt date decides
        c.remoteAreaDerived = remoteAreas.designated(c.filedUnitCode, c.receivedOn);
        c.remoteArea = c.remoteAreaDerived;
        c.remoteAreaSource = RemoteAreaSource.DERIVED;
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

    /** A checked filing at {@code index} of its batch: the case it makes if its source key is new. */
    private record Filing(int index, CitizenCase c, CaseIdentity identity, CaseFiling filing) {
    }
}

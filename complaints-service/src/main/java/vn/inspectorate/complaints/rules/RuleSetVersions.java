package vn.inspectorate.complaints.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.complaints.rules.RuleSetApi.NewRuleSet;
import vn.inspectorate.complaints.rules.RuleSetApi.RuleSetView;
import vn.inspectorate.complaints.rules.RuleSetApi.RuleValueBody;
import vn.inspectorate.complaints.rules.RuleSetStore.Selection;
import vn.inspectorate.contracts.reference.ComplaintRuleSetAdded;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.outbox.Outbox;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.time.VietnamTime;

/**
 * New versions of the legal clocks of cases, from an effective date. A set is never changed once added: a case keeps
 * the version in force on its receipt date ({@code citizen_case.rule_set_version}), so adding one leaves every case
 * already filed as it was, and only cases received from its date on are judged by it.
 */
@ApplicationScoped
public class RuleSetVersions {

    private final RuleSetStore store;
    private final ObjectMapper mapper;
    private final CallerScope caller;
    private final RuleBook ruleBook;
    private final Outbox outbox;

    RuleSetVersions(RuleSetStore store, ObjectMapper mapper, CallerScope caller, RuleBook ruleBook, Outbox outbox) {
        this.store = store;
        this.mapper = mapper;
        this.caller = caller;
        this.ruleBook = ruleBook;
        this.outbox = outbox;
    }

    /**
     * Adds the set, records who added it, when and why, and has this instance's rule book read the versions again
     * once the transaction commits; the set's event (in the same transaction) has every other instance's do the same.
     * The same set again (same version, date and values) answers it; the version or
     * the date of another set with other content is a 409 {@code natural-key-conflict}; a date not after the latest
     * set's a 409 {@code rule-version-order}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written<RuleSetView> add(NewRuleSet request) {
        List<RuleValueBody> values = RuleSetValidation.validated(request.values());
        // one writer at a time: the order check reads the latest date
        store.lockWriters();
        String version = request.version();
        String legalBasis = request.legalBasis().strip();
        RuleSetView existing = find(Selection.VERSION, version);
        if (existing == null) {
            existing = find(Selection.EFFECTIVE_FROM, request.effectiveFrom());
        }
        if (existing != null) {
            NaturalKeyMatch.compare().field("version", version, existing.version())
                    .field("effectiveFrom", request.effectiveFrom(), existing.effectiveFrom())
                    .field("pausedTimeCounts", request.pausedTimeCounts(), existing.pausedTimeCounts())
                    .field("legalBasis", legalBasis, existing.legalBasis())
                    .field("values", values, existing.values())
                    .requireSameKeyed("rules.natural-key", existing.version());
            return Written.existing(existing);
        }
        LocalDate latest = store.latestEffectiveFrom();
        if (latest != null && !request.effectiveFrom().isAfter(latest)) {
            throw ProblemException.conflict("rule-version-order", Map.of("latestEffectiveFrom", latest.toString()),
                    "rules.version-order", latest.toString());
        }
        LocalDate today = VietnamTime.today();
        if (!request.effectiveFrom().isAfter(today)) {
            // cases already received from that date were judged by the set then in force and keep it
            throw ProblemException.unprocessable("rule-set-not-in-future", List.of(Problem.FieldError.of(
                    "effectiveFrom", "rules.not-in-future.error", today.toString())), "rules.not-in-future",
                    today.toString());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", request);
        details.put("previousEffectiveFrom", latest);
        store.add(version, request.effectiveFrom(), request.pausedTimeCounts(), legalBasis, values, caller.subject(),
                request.reason().strip(), json(details));
        ruleBook.reloadAfterCommit();
        UUID ruleSetId = ComplaintRuleSetAdded.ruleSetIdOf(version);
        outbox.publish(ruleSetId.toString(), new ComplaintRuleSetAdded(ruleSetId, 1, OffsetDateTime.now(ZoneOffset.UTC),
                version, request.effectiveFrom()));
        return Written.created(find(Selection.VERSION, version));
    }

    /** Every set, oldest first, with its values and who added it. */
    public List<RuleSetView> list() {
        return sets(Selection.ALL, null);
    }

    /** One set by version; a 404 when there is none. */
    public RuleSetView get(String version) {
        RuleSetView set = find(Selection.VERSION, version);
        if (set == null) {
            throw ProblemException.keyed(404, "not-found", "rules.not-found", version);
        }
        return set;
    }

    private RuleSetView find(Selection selection, Object value) {
        List<RuleSetView> found = sets(selection, value);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The sets of {@code selection}, their values in the order of the rules, each ending before the next set. */
    private List<RuleSetView> sets(Selection selection, Object value) {
        List<RuleSetStore.StoredSet> heads = store.sets(selection, value);
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<String, List<RuleValue>> values = store.allValues();
        return heads.stream().map(h -> new RuleSetView(h.version(), h.effectiveFrom(),
                h.nextFrom() == null ? null : h.nextFrom().minusDays(1), h.pausedTimeCounts(), h.legalBasis(),
                values.getOrDefault(h.version(), List.of()).stream().map(RuleValueBody::of)
                        .sorted(Comparator.comparing(RuleValueBody::rule)).toList(), h.added())).toList();
    }

    private String json(Object details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record a rule set change", e);
        }
    }
}

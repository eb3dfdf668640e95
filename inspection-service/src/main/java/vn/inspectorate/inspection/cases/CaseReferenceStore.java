package vn.inspectorate.inspection.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of the local case reference. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseReferenceStore implements PanacheRepositoryBase<CaseReference, UUID> {

    /**
     * What a reference's status is while no event has named one. No event names it, so on a recorded case it means
     * "keep the recorded status".
     */
    private static final String NO_STATUS = "KNOWN";
    private static final String UPSERT = """
            insert into case_reference (case_id, province_code, kind, status, last_version, updated_at)
            select f.case_id, f.province_code, f.kind, coalesce(f.status, '%1$s'), f.version, now()
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[]) with ordinality
                as f(case_id, province_code, kind, status, version, position)
            order by f.position
            on conflict (case_id) do update set province_code = excluded.province_code,
                kind = coalesce(excluded.kind, case_reference.kind),
                status = coalesce(nullif(excluded.status, '%1$s'), case_reference.status),
                last_version = excluded.last_version, updated_at = now()
            where case_reference.last_version < excluded.last_version""".formatted(NO_STATUS);

    private final Sql sql;

    CaseReferenceStore(Sql sql) {
        this.sql = sql;
    }

    /** What one case event says of its case; a null kind or status keeps the recorded one. */
    public record Fact(UUID caseId, long version, String provinceCode, String kind, String status) {
        public Fact {
            if (NO_STATUS.equals(status)) {
                throw new IllegalArgumentException(NO_STATUS + " is not a status an event gives");
            }
        }
    }

    /**
     * Records what events say of cases, in their order, each unless a later version is recorded already. One
     * statement takes a case once, so the facts go in rounds: the first fact of each case, then the second of those
     * that have one, and so on. A batch of events rarely holds more than one of a case.
     */
    public void recordAll(List<Fact> facts) {
        List<List<Fact>> rounds = new ArrayList<>();
        Map<UUID, Integer> seen = new HashMap<>();
        for (Fact f : facts) {
            int round = seen.merge(f.caseId(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(f);
        }
        for (List<Fact> round : rounds) {
            // in the order of the key, so that batches sharing cases lock their rows in one order
            round.sort(Comparator.comparing(Fact::caseId));
            sql.update(UPSERT, List.of(new Sql.ArrayOf("uuid", round.stream().map(Fact::caseId).toList()),
                    new Sql.ArrayOf("text", round.stream().map(Fact::provinceCode).toList()),
                    new Sql.ArrayOf("text", round.stream().map(Fact::kind).toList()),
                    new Sql.ArrayOf("text", round.stream().map(Fact::status).toList()),
                    new Sql.ArrayOf("bigint", round.stream().map(Fact::version).toList())));
        }
    }
}

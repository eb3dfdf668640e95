package vn.inspectorate.inspection.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of the local case reference. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseReferenceStore implements PanacheRepositoryBase<CaseReference, UUID> {

    private static final String UPSERT = """
            insert into case_reference (case_id, province_code, kind, status, last_version, updated_at)
            values (?, ?, ?, coalesce(?, 'KNOWN'), ?, now())
            on conflict (case_id) do update set province_code = excluded.province_code,
                kind = coalesce(excluded.kind, case_reference.kind),
                status = coalesce(?, case_reference.status),
                last_version = excluded.last_version, updated_at = now()
            where case_reference.last_version < excluded.last_version""";

    private final Sql sql;

    CaseReferenceStore(Sql sql) {
        this.sql = sql;
    }

    /** What one case event says of its case; a null kind or status keeps the recorded one. */
    public record Fact(UUID caseId, long version, String provinceCode, String kind, String status) {
    }

    /**
     * Records what events say of cases, in their order, each unless a later version is recorded already: one
     * statement per fact, sent in one round trip.
     */
    public void recordAll(List<Fact> facts) {
        sql.batch(UPSERT, facts.stream().map(f -> Arrays.asList(f.caseId(), f.provinceCode(), f.kind(), f.status(),
                f.version(), f.status())).toList());
    }
}

package vn.inspectorate.declarations.verification;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of verification plans and verifications, the population a plan draws from included. */
@ApplicationScoped
public class VerificationStore implements PanacheRepositoryBase<VerificationPlan, UUID> {

    /** A declarant's latest filed declaration of the year, and its risk score. */
    public record Candidate(UUID declarantId, UUID declarationId, int riskScore) {
    }

    private static final String POPULATION = """
            select distinct on (declarant_id) declarant_id, id, risk_score from declaration
            where agency_code = ? and year = ? and status <> 'DRAFT'
            order by declarant_id, declared_on desc, submitted_at desc""";

    private final Sql sql;

    VerificationStore(Sql sql) {
        this.sql = sql;
    }

    /** Serialises the drawing of one agency's plan for a year until the transaction ends. */
    public void lockPlan(String agencyCode, int year) {
        sql.lockUntilCommit("plan:" + agencyCode + ":" + year);
    }

    /** The agency's plan for the year (its natural key), or null. */
    public VerificationPlan plan(String agencyCode, int year) {
        return find("agencyCode = ?1 and year = ?2", agencyCode, year).firstResult();
    }

    /** Each declarant's latest filed declaration of the year in the agency, in declarant order. */
    public List<Candidate> population(String agencyCode, int year) {
        return sql.query(POPULATION, List.of(agencyCode, year), rs -> new Candidate(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getInt(3)));
    }

    /** Records the plan at once: its verifications refer to it. */
    public void persistPlan(VerificationPlan plan) {
        persist(plan);
        flush();
    }

    /** Re-reads {@code v} under a row lock, so that one conclusion of it wins. */
    public void lock(Verification v) {
        getEntityManager().refresh(v, LockModeType.PESSIMISTIC_WRITE);
    }
}

package vn.inspectorate.declarations.declarants;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.access.ScopedQuery;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of declarants: their queries and the locks that serialise what is done to one of them. */
@ApplicationScoped
public class DeclarantStore implements PanacheRepositoryBase<Declarant, UUID> {

    private final Sql sql;

    DeclarantStore(Sql sql) {
        this.sql = sql;
    }

    /** Serialises the filings and reminders of one declarant until the transaction ends. */
    public void lockDeclarant(UUID declarantId) {
        lock("declarant:" + declarantId);
    }

    /** Serialises the registrations of one person by one agency: the retry of a registration finds the first one. */
    public void lockRegistration(String agencyCode, String citizenIdHash) {
        lock("declarant:" + agencyCode + ":" + citizenIdHash);
    }

    /** The agency's declarant with this citizen id (its blind index), the declarant's natural key. */
    public Optional<Declarant> byCitizenId(String agencyCode, String citizenIdHash) {
        return find("agencyCode = ?1 and citizenIdHash = ?2", agencyCode, citizenIdHash).firstResultOptional();
    }

    /** Every declarant of the agency, in id order. */
    public List<Declarant> ofAgency(String agencyCode) {
        return list("agencyCode = ?1 order by id", agencyCode);
    }

    /** At most 1,000 declarants matching the filters (each optional) inside the caller's reach. */
    public List<Declarant> search(String agency, String province, DeclarationAccess scope) {
        ScopedQuery q = new ScopedQuery().where("agencyCode", "agency", agency).where("provinceCode", "province", province)
                .within(scope);
        return find(q.orderedBy("agencyCode, id"), q.params()).page(0, 1000).list();
    }

    private void lock(String key) {
        sql.lockUntilCommit(key);
    }
}

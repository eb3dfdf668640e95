package vn.inspectorate.declarations.declarants;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.access.ScopedQuery;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
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

    /** At most {@code limit} declarants of the agency after {@code after} (from the first when null), in id order. */
    public List<Declarant> ofAgency(String agencyCode, UUID after, int limit) {
        return after == null ? find("agencyCode = ?1 order by id", agencyCode).page(0, limit).list()
                : find("agencyCode = ?1 and id > ?2 order by id", agencyCode, after).page(0, limit).list();
    }

    /**
     * One page of the declarants matching the filters (each optional) inside the caller's reach, in agency then id
     * order (index {@code declarant_listing}), and how many match in all.
     */
    public Page<Declarant> search(String agency, String province, DeclarationAccess scope, PageRequest page) {
        ScopedQuery q = new ScopedQuery().where("agencyCode", "agency", agency).where("provinceCode", "province", province)
                .within(scope);
        long total = count(q.condition(), q.params());
        if (!page.first()) {
            q.and("(agencyCode > :afterAgency or (agencyCode = :afterAgency and id > :afterId))",
                    Map.of("afterAgency", page.after(0), "afterId", UUID.fromString(page.after(1))));
        }
        List<Declarant> rows = find(q.orderedBy("agencyCode, id"), q.params()).range(0, page.fetch() - 1).list();
        return page.page(rows, d -> List.of(d.agencyCode, d.id.toString()), total);
    }

    private void lock(String key) {
        sql.lockUntilCommit(key);
    }
}

package vn.inspectorate.declarations.declarations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.access.ScopedQuery;
import vn.inspectorate.declarations.declarations.DeclarationApi.FlagView;
import vn.inspectorate.declarations.declarations.DeclarationApi.SectionChange;
import vn.inspectorate.declarations.redflags.RaisedFlag;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.declarations.transfers.TransferStore;
import vn.inspectorate.platform.sql.Sql;

/** All SQL of declarations: their queries, locks, section changes and raised flags. */
@ApplicationScoped
public class DeclarationStore implements PanacheRepositoryBase<Declaration, UUID> {

    private static final TypeReference<Map<String, Object>> FIGURES = new TypeReference<>() {
    };

    private static final String SECTION_CHANGES = """
            select section, previous_vnd, current_vnd, change_vnd from declaration_section_change
            where declaration_id = ? order by section""";
    private static final String DELETE_SECTION_CHANGES = "delete from declaration_section_change where declaration_id = ?";
    private static final String INSERT_SECTION_CHANGE = """
            insert into declaration_section_change (declaration_id, section, previous_vnd, current_vnd, change_vnd)
            values (?, ?, ?, ?, ?)""";
    private static final String FLAGS = """
            select rule_id, rule_version, weight, figures::text from declaration_flag
            where declaration_id = ? and declaration_version = ? order by rule_id""";
    private static final String INSERT_FLAG = """
            insert into declaration_flag (declaration_id, declaration_version, rule_id, rule_version, weight, figures)
            values (?, ?, ?, ?, ?, ?)""";

    private final Sql sql;
    private final ObjectMapper mapper;

    private final TransferStore transfers;

    DeclarationStore(Sql sql, ObjectMapper mapper, TransferStore transfers) {
        this.transfers = transfers;
        this.sql = sql;
        this.mapper = mapper;
    }

    /** The declarant's annual declaration for the year (its natural key), if filed or drafted. */
    public Declaration annual(UUID declarantId, int year) {
        return find("declarantId = ?1 and year = ?2 and kind = ?3", declarantId, year, DeclarationKind.ANNUAL)
                .firstResult();
    }

    /**
     * The latest filed declaration of the declarant dated on or before {@code d}, other than {@code d}; a person
     * transferred from another agency brings the declarations filed there.
     */
    public Declaration previousFiled(Declaration d) {
        return find("declarantId in ?1 and id <> ?2 and status <> ?3 and declaredOn <= ?4 "
                + "order by declaredOn desc, submittedAt desc", transfers.lineage(d.declarantId), d.id,
                DeclarationStatus.DRAFT, d.declaredOn).firstResult();
    }

    /** The declarant's first filed declaration of a kind and year, or null. */
    public Declaration filed(UUID declarantId, DeclarationKind kind, int year) {
        return find("declarantId = ?1 and kind = ?2 and year = ?3 and status <> ?4 order by declaredOn", declarantId,
                kind, year, DeclarationStatus.DRAFT).firstResult();
    }

    /** The declarant's filed declarations of a kind and year, in the order they were declared. */
    public List<Declaration> allFiled(UUID declarantId, DeclarationKind kind, int year) {
        return find("declarantId = ?1 and kind = ?2 and year = ?3 and status <> ?4 order by declaredOn, submittedAt",
                declarantId, kind, year, DeclarationStatus.DRAFT).list();
    }

    /** The declarant's latest filed declaration, or null. */
    public Declaration latestFiled(UUID declarantId) {
        return find("declarantId = ?1 and status <> ?2 order by declaredOn desc, submittedAt desc", declarantId,
                DeclarationStatus.DRAFT).firstResult();
    }

    /**
     * One page of the declarations matching the filters (each optional) inside the caller's reach, latest first then
     * by id (index {@code declaration_listing}), and how many match in all.
     */
    public Page<Declaration> search(String agency, Integer year, UUID declarantId, DeclarationAccess scope,
            PageRequest page) {
        ScopedQuery q = new ScopedQuery().where("agencyCode", "agency", agency).where("year", "year", year)
                .where("declarantId", "declarant", declarantId).within(scope);
        long total = count(q.condition(), q.params());
        if (!page.first()) {
            q.and("(declaredOn < :afterDate or (declaredOn = :afterDate and id > :afterId))",
                    Map.of("afterDate", LocalDate.parse(page.after(0)), "afterId", UUID.fromString(page.after(1))));
        }
        List<Declaration> rows = find(q.orderedBy("declaredOn desc, id"), q.params()).range(0, page.fetch() - 1).list();
        return page.page(rows, d -> List.of(d.declaredOn.toString(), d.id.toString()), total);
    }

    /**
     * Re-reads {@code d} under a row lock: concurrent changes of one declaration (a retried submission, a plan
     * selecting it while it is concluded) run one after the other, each on the other's result and version.
     */
    public void lock(Declaration d) {
        getEntityManager().refresh(d, LockModeType.PESSIMISTIC_WRITE);
    }

    public void deleteItems(Declaration d) {
        DeclarationItem.delete("declarationId", d.id);
        getEntityManager().flush();
    }

    public List<SectionChange> sectionChanges(UUID declarationId) {
        return sql.query(SECTION_CHANGES, List.of(declarationId), rs -> new SectionChange(
                Section.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    /** Replaces the per-section change of {@code d} against its previous declaration (none when there is none). */
    public void replaceSectionChanges(UUID declarationId, List<SectionChange> changes) {
        sql.update(DELETE_SECTION_CHANGES, List.of(declarationId));
        sql.batch(INSERT_SECTION_CHANGE, changes.stream().map(c -> List.<Object>of(declarationId, c.section(),
                c.previousVnd(), c.currentVnd(), c.changeVnd())).toList());
    }

    /** The flags raised under one version of a declaration. */
    public List<FlagView> flags(UUID declarationId, long version) {
        return sql.query(FLAGS, List.of(declarationId, version), rs -> new FlagView(rs.getString(1), rs.getInt(2),
                rs.getInt(3), readFigures(rs.getString(4))));
    }

    public void insertFlags(Declaration d, List<RaisedFlag> raised) {
        sql.batch(INSERT_FLAG, raised.stream().map(f -> List.<Object>of(d.id, d.version, f.ruleId(), f.ruleVersion(),
                f.weight(), new Sql.Json(writeFigures(f.figures())))).toList());
    }

    private Map<String, Object> readFigures(String json) {
        try {
            return mapper.readValue(json, FIGURES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored flag figures unreadable", e);
        }
    }

    private String writeFigures(Map<String, Object> figures) {
        try {
            return mapper.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

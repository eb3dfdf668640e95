package vn.inspectorate.inspection.conclusions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.inspection.conclusions.ConclusionApi.Item;
import vn.inspectorate.inspection.conclusions.ConclusionApi.RecommendationInput;
import vn.inspectorate.inspection.conclusions.ConclusionApi.Responsible;
import vn.inspectorate.inspection.conclusions.ConclusionApi.TransferInput;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.sql.Sql;

/**
 * All SQL of a conclusion (keyed by its inspection) and its follow-up: its findings, recommendations, transfers and
 * recovery payments, and the responsible organisations and individuals it stores as JSON.
 */
@ApplicationScoped
public class ConclusionStore implements PanacheRepositoryBase<Conclusion, UUID> {

    private static final TypeReference<List<Responsible>> RESPONSIBLE = new TypeReference<>() {
    };

    private static final String RECOVERED_VND = """
            select coalesce(sum(recovered_vnd), 0) from recommendation where inspection_id = ?""";

    private final ObjectMapper mapper;
    private final Sql sql;

    ConclusionStore(ObjectMapper mapper, Sql sql) {
        this.mapper = mapper;
        this.sql = sql;
    }

    /** Records the conclusion's lines: findings numbered from 1, recommendations and transfers as requested. */
    public void persistLines(UUID inspectionId, List<Item> items, List<RecommendationInput> recommendations,
            List<TransferInput> transfers) {
        for (int i = 0; i < items.size(); i++) {
            Item in = items.get(i);
            ConclusionItem item = new ConclusionItem();
            item.inspectionId = inspectionId;
            item.itemNo = i + 1;
            item.subject = in.subject();
            item.finding = in.finding();
            item.violationsVnd = in.violationsVnd();
            item.violationsLandM2 = in.violationsLandM2();
            item.persist();
        }
        for (RecommendationInput in : recommendations) {
            Recommendation r = new Recommendation();
            r.id = TimeOrderedIds.next();
            r.inspectionId = inspectionId;
            r.kind = in.kind().name();
            r.description = in.description();
            r.addressee = in.addressee();
            r.amountVnd = in.amountVnd() == null ? 0 : in.amountVnd();
            r.landM2 = in.landM2() == null ? 0 : in.landM2();
            r.individualsCount = in.individualsCount() == null ? 0 : in.individualsCount();
            r.dueOn = in.dueOn();
            r.persist();
        }
        for (TransferInput in : transfers) {
            InvestigationTransfer t = new InvestigationTransfer();
            t.id = TimeOrderedIds.next();
            t.inspectionId = inspectionId;
            t.matter = in.matter();
            t.toBody = in.toBody();
            t.transferredOn = in.transferredOn();
            t.persist();
        }
    }

    public Recommendation lockedRecommendation(UUID id) {
        return getEntityManager().find(Recommendation.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    public InvestigationTransfer lockedTransfer(UUID id) {
        return getEntityManager().find(InvestigationTransfer.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The payment recorded on a recommendation under {@code reference}, if any. */
    public RecoveryPayment payment(UUID recommendationId, String reference) {
        return RecoveryPayment.<RecoveryPayment>find("recommendationId = ?1 and reference = ?2", recommendationId,
                reference).firstResult();
    }

    /** What the inspection's recommendations recovered so far, in VND, this transaction's changes included. */
    public long recoveredVnd(UUID inspectionId) {
        getEntityManager().flush();
        return sql.queryFirst(RECOVERED_VND, List.of(inspectionId), rs -> rs.getLong(1)).orElse(0L);
    }

    /**
     * Recommendations not done before {@code asOf}, of the province (null: all), by due date; those of inspections
     * loaded as history are left out.
     */
    public Page<Recommendation> overdue(LocalDate asOf, String province, PageRequest page) {
        String query = "select r from Recommendation r, Inspection i where i.id = r.inspectionId and r.doneOn is null "
                + "and i.backfilled = false "
                + "and r.dueOn < :asOf" + (province == null ? "" : " and i.provinceCode = :province")
                + (page.first() ? "" : " and (r.dueOn > :afterDate or (r.dueOn = :afterDate and r.id > :afterId))")
                + " order by r.dueOn, r.id";
        var typed = getEntityManager().createQuery(query, Recommendation.class).setParameter("asOf", asOf)
                .setMaxResults(page.fetch());
        if (province != null) {
            typed.setParameter("province", province);
        }
        if (!page.first()) {
            typed.setParameter("afterDate", LocalDate.parse(page.after(0)));
            typed.setParameter("afterId", UUID.fromString(page.after(1)));
        }
        return page.page(typed.getResultList(), r -> List.of(r.dueOn.toString(), r.id.toString()), null);
    }

    public List<ConclusionItem> items(UUID inspectionId) {
        return ConclusionItem.<ConclusionItem>find("inspectionId = ?1 order by itemNo", inspectionId).list();
    }

    public List<Recommendation> recommendations(UUID inspectionId) {
        return Recommendation.<Recommendation>list("inspectionId", inspectionId);
    }

    public List<InvestigationTransfer> transfers(UUID inspectionId) {
        return InvestigationTransfer.<InvestigationTransfer>list("inspectionId", inspectionId);
    }

    public List<Responsible> responsible(String json) {
        try {
            return mapper.readValue(json, RESPONSIBLE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String json(List<Responsible> responsible) {
        try {
            return mapper.writeValueAsString(responsible);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

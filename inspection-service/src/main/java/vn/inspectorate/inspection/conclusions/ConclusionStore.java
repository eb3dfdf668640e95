package vn.inspectorate.inspection.conclusions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.inspection.conclusions.ConclusionApi.Item;
import vn.inspectorate.inspection.conclusions.ConclusionApi.RecommendationInput;
import vn.inspectorate.inspection.conclusions.ConclusionApi.Responsible;
import vn.inspectorate.inspection.conclusions.ConclusionApi.TransferInput;

/**
 * The records of a conclusion (keyed by its inspection): its findings, recommendations and transfers, and the
 * responsible organisations and individuals it stores as JSON.
 */
@ApplicationScoped
public class ConclusionStore implements PanacheRepositoryBase<Conclusion, UUID> {

    private static final TypeReference<List<Responsible>> RESPONSIBLE = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    ConclusionStore(ObjectMapper mapper) {
        this.mapper = mapper;
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
            r.id = UUID.randomUUID();
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
            t.id = UUID.randomUUID();
            t.inspectionId = inspectionId;
            t.matter = in.matter();
            t.toBody = in.toBody();
            t.transferredOn = in.transferredOn();
            t.persist();
        }
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

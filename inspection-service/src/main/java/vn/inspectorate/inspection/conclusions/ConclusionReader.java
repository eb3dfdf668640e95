package vn.inspectorate.inspection.conclusions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.inspection.conclusions.ConclusionApi.ConclusionView;
import vn.inspectorate.inspection.conclusions.ConclusionApi.ItemView;
import vn.inspectorate.inspection.conclusions.ConclusionApi.RecommendationView;
import vn.inspectorate.inspection.conclusions.ConclusionApi.Responsible;
import vn.inspectorate.inspection.conclusions.ConclusionApi.TransferView;
import vn.inspectorate.platform.time.VietnamTime;

/** Reads a conclusion with its items, recommendations and transfers. */
@ApplicationScoped
public class ConclusionReader {

    private static final TypeReference<List<Responsible>> RESPONSIBLE = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    ConclusionReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The conclusion of an inspection, or null when it has none yet. */
    public ConclusionView view(UUID inspectionId) {
        Conclusion c = Conclusion.findById(inspectionId);
        if (c == null) {
            return null;
        }
        List<ItemView> items = ConclusionItem.<ConclusionItem>find("inspectionId = ?1 order by itemNo", inspectionId)
                .list().stream().map(i -> new ItemView(i.itemNo, i.subject, i.finding, i.violationsVnd,
                        i.violationsLandM2)).toList();
        List<RecommendationView> recommendations = Recommendation.<Recommendation>find(
                "inspectionId = ?1 order by dueOn, id", inspectionId).list().stream().map(ConclusionReader::view).toList();
        List<TransferView> transfers = InvestigationTransfer.<InvestigationTransfer>find(
                "inspectionId = ?1 order by transferredOn, id", inspectionId).list().stream()
                .map(ConclusionReader::view).toList();
        return new ConclusionView(c.conclusionNumber, c.concludedOn, c.assessment, c.unitsCovered, c.violationsVnd,
                c.violationsLandM2, c.recoveryRecommendedVnd, c.recoveryRecommendedLandM2,
                c.responsibleOrganisationsCount, c.responsibleIndividualsCount, responsible(c.responsibleOrganisations),
                responsible(c.responsibleIndividuals), items, recommendations, transfers, c.published, c.publishedFrom,
                c.publishedUntil);
    }

    public static RecommendationView view(Recommendation r) {
        LocalDate today = VietnamTime.today();
        boolean overdue = r.done() ? r.doneOn.isAfter(r.dueOn) : today.isAfter(r.dueOn);
        return new RecommendationView(r.id, r.inspectionId, RecommendationKind.valueOf(r.kind), r.description,
                r.addressee, r.amountVnd, r.landM2, r.individualsCount, r.dueOn, r.recoveredVnd, r.recoveredLandM2,
                r.disciplinedCount, r.done(), r.doneOn, overdue);
    }

    public static TransferView view(InvestigationTransfer t) {
        return new TransferView(t.id, t.matter, t.toBody, t.transferredOn, t.acknowledgedOn != null, t.acknowledgedOn,
                t.accepted);
    }

    private List<Responsible> responsible(String json) {
        try {
            return mapper.readValue(json, RESPONSIBLE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored responsible list is not JSON", e);
        }
    }
}

package vn.inspectorate.inspection.overlaps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.inspection.access.InspectorateAccess;
import vn.inspectorate.inspection.reference.InspectionBody;
import vn.inspectorate.inspection.reference.ReferenceData;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.security.CallerScope;

/** Reads the overlap report and records settlements. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OverlapService {

    /** Which body proceeds; the other side's planned inspection is withdrawn. */
    @Schema(name = "OverlapSettle")
    public record Settle(@NotBlank @Size(max = 40) String proceedingBodyCode, @NotBlank @Size(max = 4000) String note) {
    }

    public record OverlapReport(int year, @Schema(nullable = true) String province, int total, int unsettled, List<ConflictView> conflicts) {
    }

    private final OverlapStore store;
    private final ReferenceData reference;
    private final InspectorateAccess access;
    private final CallerScope caller;

    OverlapService(OverlapStore store, ReferenceData reference, InspectorateAccess access, CallerScope caller) {
        this.store = store;
        this.reference = reference;
        this.access = access;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OverlapReport report(int year, String province) {
        String effective = access.listedProvince(province, "access.records.overlaps");
        List<OverlapConflict> conflicts = store.ofYear(year, effective);
        int unsettled = (int) conflicts.stream().filter(c -> !c.settled()).count();
        return new OverlapReport(year, effective, conflicts.size(), unsettled,
                conflicts.stream().map(ConflictView::of).toList());
    }

    /**
     * Records who proceeds. The decision belongs to the head of either body or, above them, to central staff (the
     * superior inspectorate). The planned inspection(s) of the body that does not proceed are withdrawn; when both sides
     * are the same body's, the item added last gives way.
     */
    public ConflictView settle(UUID id, Settle request) {
        OverlapConflict conflict = store.locked(id);
        if (conflict == null || !access.maySee(conflict.provinceCode)) {
            throw ProblemException.keyed(404, "not-found", "overlap.not-found", String.valueOf(id));
        }
        InspectionBody source = reference.body(conflict.sourceBodyCode, "sourceBodyCode");
        InspectionBody other = reference.body(conflict.otherBodyCode, "otherBodyCode");
        boolean allowed = access.isApprover()
                && (access.isCentralInspector() || access.mayActFor(source) || access.mayActFor(other));
        if (!allowed) {
            throw ProblemException.keyed(403, "forbidden", "overlap.settle-forbidden");
        }
        if (conflict.settled()) {
            if (conflict.proceedingBodyCode.equals(request.proceedingBodyCode())) {
                return ConflictView.of(conflict);
            }
            throw ProblemException.conflict("overlap-settled", java.util.Map.of("proceedingBodyCode",
                    conflict.proceedingBodyCode), "overlap.already-settled", conflict.proceedingBodyCode);
        }
        String proceeding = request.proceedingBodyCode();
        if (!proceeding.equals(source.code) && !proceeding.equals(other.code)) {
            throw ProblemException.unprocessable("not-a-party", List.of(Problem.FieldError.of("proceedingBodyCode",
                    "overlap.not-a-party.error", source.code, other.code)), "overlap.not-a-party", proceeding);
        }
        UUID givesWay = proceeding.equals(source.code) && !source.code.equals(other.code)
                ? (OverlapConflict.PLANNED.equals(conflict.otherKind) ? conflict.otherId : null)
                : (OverlapConflict.PLANNED.equals(conflict.sourceKind) ? conflict.sourceId : null);
        if (givesWay != null) {
            store.withdraw(givesWay);
        }
        conflict.settledAt = ReferenceData.now();
        conflict.proceedingBodyCode = proceeding;
        conflict.settledBy = caller.subject();
        conflict.settlementNote = request.note();
        return ConflictView.of(conflict);
    }
}

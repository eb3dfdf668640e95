package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.inspectorate.contracts.cases.CaseTransferred;
import vn.inspectorate.platform.naturalkey.Written;

/**
 * A transfer arriving at the receiving body: a case of its own in that body's queue and province, received on the day
 * it arrives, linked to the sending case both ways and written in both histories. The sending case keeps its status
 * and becomes a read-only reference to the receiving one. In the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TransferArrivals {

    static final String ACTOR = "transfer";
    static final String ARRIVED = "transfer-arrived";
    private static final Logger LOG = Logger.getLogger(TransferArrivals.class);

    private final CaseIntakeService intake;
    private final CaseHistoryLog history;

    TransferArrivals(CaseIntakeService intake, CaseHistoryLog history) {
        this.intake = intake;
        this.history = history;
    }

    /**
     * Delivers {@code transfer}; answers the receiving case (the one an earlier delivery made, if any), or empty when
     * this service does not hold the sending case.
     */
    public Optional<UUID> arrive(CaseTransferred transfer) {
        CitizenCase from = CitizenCase.findById(transfer.caseId(), LockModeType.PESSIMISTIC_WRITE);
        if (from == null) {
            LOG.warnf("transfer of case %s: the case is not held here", transfer.caseId());
            return Optional.empty();
        }
        if (from.transferredToCaseId != null) {
            return Optional.of(from.transferredToCaseId);
        }
        Written<CitizenCase> arrived = intake.fileTransferred(from, transfer.toBodyCode(), transfer.toProvinceCode(),
                BusinessDate.today(), ACTOR);
        CitizenCase to = arrived.value();
        from.transferredToCaseId = to.id;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("receivingCaseId", to.id);
        detail.put("provinceCode", to.provinceCode);
        detail.put("bodyCode", to.receivingBodyCode);
        detail.put("receivedOn", to.receivedOn);
        history.record(from.id, ACTOR, ARRIVED, from.status, from.status, detail);
        LOG.debugf("transfer of case %s arrived as case %s in %s", from.id, to.id, to.provinceCode);
        return Optional.of(to.id);
    }
}

package vn.inspectorate.declarations.transfers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.declarants.Declarant;
import vn.inspectorate.declarations.declarants.DeclarantStore;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.declarations.supplementary.SupplementaryService;
import vn.inspectorate.declarations.transfers.TransferApi.Confirm;
import vn.inspectorate.declarations.transfers.TransferApi.State;
import vn.inspectorate.declarations.transfers.TransferApi.Transfer;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.security.CallerScope;

/**
 * The move of a person between agencies. A registration of a person another agency holds is the new agency's own;
 * the pair waits here, seen only by central controllers, until one confirms that the person moved and on which day.
 * From then the new registration carries the person's history: its changes are measured against the declarations
 * filed at the old agency, no first-time declaration is expected of it, the old agency expects nothing from the year
 * of the move, and the move is a job change (a supplementary declaration may fall due).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TransferService {

    private final TransferStore transfers;
    private final DeclarantStore declarants;
    private final DeclarationAccess access;
    private final SupplementaryService supplementary;
    private final CallerScope caller;

    TransferService(TransferStore transfers, DeclarantStore declarants, DeclarationAccess access,
            SupplementaryService supplementary, CallerScope caller) {
        this.transfers = transfers;
        this.declarants = declarants;
        this.access = access;
        this.supplementary = supplementary;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Transfer> list(State state,
            PageRequest page) {
        requireCentral();
        return transfers.list(state, page);
    }

    /** Confirms the move; confirming it again on the same day answers the first confirmation. */
    public Written<Transfer> confirm(UUID id, Confirm in) {
        requireCentral();
        Transfer t = transfers.find(id).orElseThrow(() -> Refusals.notFound("what.transfer", id));
        // one person's moves one at a time: the lock of the registration the person leaves
        declarants.lockDeclarant(t.fromDeclarantId());
        t = transfers.find(id).orElseThrow();
        if (t.state() == State.CONFIRMED) {
            Refusals.requireSame(
                    NaturalKeyMatch.compare().field("transferredOn", in.transferredOn(), t.transferredOn()),
                    "natural-key.what.transfer-confirmation", "natural-key.key.transfer-confirmation", t.id());
            return Written.existing(t);
        }
        if (transfers.transferredOut(t.fromDeclarantId()).isPresent()) {
            throw Refusals.conflict("already-transferred", java.util.Map.of(), "transfer.already-transferred");
        }
        transfers.confirm(id, in.transferredOn(), caller.subject());
        Declarant to = declarants.findById(t.toDeclarantId());
        supplementary.jobChanged(to, in.transferredOn(), caller.subject());
        return Written.existing(transfers.find(id).orElseThrow());
    }

    private void requireCentral() {
        if (!access.isCentralController()) {
            throw Refusals.forbidden("transfer.forbidden");
        }
    }
}

package vn.inspectorate.declarations.transfers;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the transfers of declarants between agencies: ids and agency codes, never a personal identifier. */
public final class TransferApi {

    @Schema(name = "DeclarantTransferState")
    public enum State { PENDING, CONFIRMED }

    @Schema(name = "DeclarantTransfer")
    public record Transfer(UUID id, UUID fromDeclarantId, String fromAgencyCode, UUID toDeclarantId,
            String toAgencyCode, State state, OffsetDateTime detectedAt,
            @Schema(nullable = true) LocalDate transferredOn, @Schema(nullable = true) String confirmedBy) {
    }

    @Schema(name = "DeclarantTransferConfirmation")
    public record Confirm(@NotNull @PastOrPresent LocalDate transferredOn) {
    }

    private TransferApi() {
    }
}

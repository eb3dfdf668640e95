package vn.inspectorate.complaints.watchlist;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WatchlistCommands {

    private WatchlistCommands() {
    }

    /** Adds to or removes from the watchlist, by the deciding document. */
    @Schema(name = "WatchlistDecision")
    public record Decision(@NotBlank @Size(max = 128) String decisionReference, @NotNull LocalDate decidedOn) {
    }

    /** The progress of one month ({@code YYYY-MM}). */
    @Schema(name = "WatchlistProgress")
    public record Progress(
            @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "{inspectorate.constraint.month-must}") String reportMonth,
            @NotBlank @Size(max = 64) String stage,
            @Size(max = 4000) String note,
            Boolean resolved) {
    }

    /** A watchlisted case and its latest progress report. */
    @Schema(name = "WatchlistEntry")
    public record Entry(java.util.UUID caseId, String provinceCode, String status, String decisionReference,
            LocalDate addedOn, @Schema(nullable = true) String lastReportMonth) {
    }
}

package vn.inspectorate.declarations.deadlines;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class DeadlineApi {

    /**
     * The declarations whose lateness is tracked: first-time (after appointment), annual, and supplementary (in a year
     * a change made one due).
     */
    @Schema(name = "DeclarationTrackedKind")
    public enum TrackedKind { FIRST_TIME, ANNUAL, SUPPLEMENTARY }

    @Schema(name = "DeclarationOverdueStanding")
    public enum Standing { MISSING, LATE }

    @Schema(name = "DeclarationReminderOutcome")
    public enum Outcome { REMINDER, VIOLATION }

    @Schema(name = "OverdueDeclaration")
    public record Overdue(UUID declarantId, String agencyCode, TrackedKind kind, int year, LocalDate dueOn,
            Standing standing, @Schema(nullable = true) LocalDate declaredOn, int reminders, boolean violation) {
    }

    @Schema(name = "DeclarationRecordReminder")
    public record RecordReminder(@NotNull TrackedKind kind, @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @PastOrPresent LocalDate sentOn) {
    }

    @Schema(name = "DeclarationReminder")
    public record Reminder(UUID id, UUID declarantId, TrackedKind kind, int year, int sequence, Outcome outcome,
            LocalDate sentOn) {
    }

    private DeadlineApi() {
    }
}

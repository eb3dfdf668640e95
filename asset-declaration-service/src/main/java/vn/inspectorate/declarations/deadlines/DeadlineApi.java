package vn.inspectorate.declarations.deadlines;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.UUID;

public final class DeadlineApi {

    /** The declarations whose lateness is tracked: first-time (after appointment) and annual. */
    public enum TrackedKind { FIRST_TIME, ANNUAL }

    public enum Standing { MISSING, LATE }

    public enum Outcome { REMINDER, VIOLATION }

    public record Overdue(UUID declarantId, String agencyCode, TrackedKind kind, int year, LocalDate dueOn,
            Standing standing, LocalDate declaredOn, int reminders, boolean violation) {
    }

    public record RecordReminder(@NotNull TrackedKind kind, @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @PastOrPresent LocalDate sentOn) {
    }

    public record Reminder(UUID id, UUID declarantId, TrackedKind kind, int year, int sequence, Outcome outcome,
            LocalDate sentOn) {
    }

    private DeadlineApi() {
    }
}

package vn.inspectorate.inspection.reference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of the reference data admin API. */
public final class ReferenceAdminApi {

    static final String CODE_PATTERN = "^[A-Z0-9][A-Z0-9-]{0,39}$";
    static final String PROVINCE_PATTERN = "^VN-[0-9A-Z]{2}$";

    public enum BodyLevel { CENTRAL, PROVINCIAL, SECTOR, DISTRICT }

    public enum Certainty { CONFIRMED, UNCERTAIN }

    /** What an admin did to a body; the {@code change} of its reference event. */
    public enum BodyChange { ADDED, RENAMED, MERGED, RETIRED, CONFIRMED, CORRECTED }

    public enum DayKind { DAY_OFF, WORKING_DAY }

    @Schema(name = "AddInspectionBody")
    public record AddBody(
            @NotBlank @Pattern(regexp = CODE_PATTERN) @Schema(description = "The body's code, its natural key; never "
                    + "reused.") String code,
            @NotBlank @Size(max = 300) String name,
            @NotNull BodyLevel level,
            @Pattern(regexp = PROVINCE_PATTERN) @Schema(nullable = true, description = "Required for provincial and "
                    + "district bodies; none for central and sector bodies.") String provinceCode,
            @NotNull @Schema(description = "The first day in force.") LocalDate validFrom,
            @Schema(nullable = true, description = "UNCERTAIN marks an entry the sources disagree on; CONFIRMED when "
                    + "absent.") Certainty certainty,
            @Size(max = 500) @Schema(nullable = true, description = "The legal act or notice setting the body up.")
            String source,
            @NotBlank @Size(max = 1000) @Schema(description = "Why: recorded with the change.") String reason) {
    }

    @Schema(name = "RenameInspectionBody")
    public record RenameBody(@NotBlank @Size(max = 300) String name,
            @NotNull @Schema(description = "The first day of the new name; earlier dates keep the earlier one.")
            LocalDate from,
            @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "MergeInspectionBody")
    public record MergeBody(@NotBlank @Pattern(regexp = CODE_PATTERN) @Schema(description = "The successor body.")
            String into,
            @NotNull @Schema(description = "The successor's first day for this body's work; this body ends the day "
                    + "before.") LocalDate from,
            @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "RetireInspectionBody")
    public record RetireBody(@NotNull @Schema(description = "The first day the body is no longer in force; it ends "
            + "the day before.") LocalDate from,
            @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "ConfirmInspectionBody", description = "Confirms the entry as it stands, or corrects the fields "
            + "given (the others stay); the entry is CONFIRMED afterwards.")
    public record ConfirmBody(@Size(max = 300) @Schema(nullable = true) String name,
            @Schema(nullable = true) BodyLevel level,
            @Pattern(regexp = PROVINCE_PATTERN) @Schema(nullable = true) String provinceCode,
            @Schema(nullable = true) LocalDate validFrom,
            @Size(max = 500) @Schema(nullable = true) String source,
            @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "InspectionBodyNameView")
    public record NameView(LocalDate validFrom, String name) {
    }

    @Schema(name = "ReferenceInspectionBodyView")
    public record BodyView(String code, String name, BodyLevel level,
            @Schema(nullable = true) String provinceCode, LocalDate validFrom,
            @Schema(nullable = true, description = "The last day in force.") LocalDate validTo,
            @Schema(nullable = true) String successorCode, Certainty certainty,
            @Schema(nullable = true) String source, long version,
            @Schema(description = "Its names over time, oldest first.") List<NameView> names) {
    }

    @Schema(name = "CalendarEntry")
    public record CalendarEntry(@NotNull LocalDate day,
            @NotBlank @Size(max = 200) @Schema(description = "The holiday, or what the day compensates.")
            String occasion) {
    }

    @Schema(name = "LoadCalendarYear", description = "The whole year: it replaces every day loaded before for it.")
    public record LoadYear(
            @NotNull @Size(max = 40) @Schema(description = "Weekdays off: holidays and compensatory days off.")
            List<@Valid @NotNull CalendarEntry> daysOff,
            @NotNull @Size(max = 20) @Schema(description = "Compensatory working days on a Saturday or Sunday.")
            List<@Valid @NotNull CalendarEntry> workingDays,
            @NotBlank @Size(max = 500) @Schema(description = "The decision or notice the days come from.")
            String source,
            @Schema(nullable = true, description = "False while the year's days are not yet decided; true when "
                    + "absent.") Boolean decided,
            @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "CalendarDayView")
    public record DayView(LocalDate day, DayKind kind, String occasion) {
    }

    @Schema(name = "CalendarYearView")
    public record CalendarView(int year, String source, boolean decided, long version, List<DayView> days) {
    }

    @Schema(name = "ReferenceChangeView")
    public record ChangeView(UUID id,
            @Schema(description = "What changed, e.g. INSPECTION_BODY_RENAMED or CALENDAR_LOADED.") String kind,
            @Schema(description = "What it changed: a body code, a calendar year, a rule.") String subject,
            String changedBy, OffsetDateTime changedAt, String reason,
            @Schema(description = "The change itself, as the admin sent it and as it was applied.")
            Map<String, Object> details) {
    }

    private ReferenceAdminApi() {
    }
}

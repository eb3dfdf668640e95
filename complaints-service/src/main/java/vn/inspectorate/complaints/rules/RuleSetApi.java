package vn.inspectorate.complaints.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of the rule set API. */
public final class RuleSetApi {

    /** A version name: letters, digits, dots, hyphens and underscores, e.g. {@code 2027.1}. */
    public static final String VERSION_PATTERN = "^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$";

    @Schema(name = "CaseRuleValue", description = "One rule's number in a rule set. The variants apply to complex "
            + "cases, to remote areas and to both; absent (null) means as `normal`. Only the resolution and "
            + "second-complaint rules have variants.")
    public record RuleValueBody(
            @NotNull Rule rule,
            @NotNull @Schema(description = "COUNT for the counts (extensions, complainants, percent); calendar or "
                    + "working days for the time limits (the duplicate window in calendar days).") DayUnit unit,
            @NotNull @Min(0) @Max(3650) Integer normal,
            @Min(0) @Max(3650) @Schema(nullable = true) Integer complex,
            @Min(0) @Max(3650) @Schema(nullable = true) Integer remote,
            @Min(0) @Max(3650) @Schema(nullable = true) Integer remoteComplex) {

        static RuleValueBody of(RuleValue v) {
            return new RuleValueBody(v.rule(), v.unit(), v.normal(), v.complex(), v.remote(), v.remoteComplex());
        }
    }

    @Schema(name = "NewCaseRuleSet", description = "A new version of the legal clocks of cases, from an effective "
            + "date: every rule exactly once.")
    public record NewRuleSet(
            @NotBlank @Pattern(regexp = VERSION_PATTERN) @Schema(description = "The version's name, its natural key "
                    + "with `effectiveFrom`; never reused.") String version,
            @NotNull @Schema(description = "The first receipt date judged by this set: after today (Vietnam) and "
                    + "after the latest set's effective date.") LocalDate effectiveFrom,
            @NotNull @Schema(description = "Whether the time a case is paused counts towards its deadlines.")
            Boolean pausedTimeCounts,
            @NotBlank @Size(max = 500) @Schema(description = "The legal acts the numbers come from.")
            String legalBasis,
            @NotBlank @Size(max = 1000) @Schema(description = "Why: recorded with the change, not part of the set.")
            String reason,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull RuleValueBody> values) {
    }

    @Schema(name = "CaseRuleSetAddition", description = "Who added a set through the API, when and why.")
    public record Addition(String addedBy, OffsetDateTime addedAt, String reason) {
    }

    @Schema(name = "CaseRuleSetView")
    public record RuleSetView(
            String version,
            LocalDate effectiveFrom,
            @Schema(nullable = true, description = "The last receipt date it judges: the day before the next set's "
                    + "effective date; none for the latest set.") LocalDate effectiveTo,
            boolean pausedTimeCounts,
            String legalBasis,
            @Schema(description = "Every rule, in the order of the rules.") List<RuleValueBody> values,
            @Schema(nullable = true, description = "None for the sets that came with the service's migrations.")
            Addition added) {
    }

    private RuleSetApi() {
    }
}

package vn.inspectorate.declarations.ruleversions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import vn.inspectorate.declarations.rules.ParameterCode;

/** Requests and answers of the declaration rules admin API. */
public final class RuleVersionsApi {

    static final String RULE_ID_PATTERN = "^[A-Z][A-Z0-9_]{0,59}$";

    @Schema(name = "NewRuleParameterVersion", description = "A new version of a dated legal number, from an "
            + "effective date; the version in force until then ends the day before.")
    public record NewParameterVersion(
            @NotNull ParameterCode code,
            @NotNull @Schema(description = "In the parameter's unit (VND, days, month, day, reminders, percent, "
                    + "points); each code has its range: a threshold above 0, a month 1 to 12, a day that exists in "
                    + "the deadline month, a percent or score 0 to 100, a number of days 1 to 365.") Long value,
            @NotNull @Schema(description = "The first declaration date the version applies to: today (Vietnam) or "
                    + "later, and after the latest version's.") LocalDate effectiveFrom,
            @NotBlank @Size(max = 500) @Schema(description = "The legal act (law, decree, circular) setting it.")
            String source,
            @Size(max = 500) @Schema(nullable = true, description = "What the number means; the latest version's "
                    + "when absent.") String description,
            @NotBlank @Size(max = 1000) @Schema(description = "Why: recorded with the change.") String reason) {
    }

    @Schema(name = "NewRedFlagRuleVersion", description = "A new version of a red-flag rule, from an effective date; "
            + "the version in force until then ends the day before.")
    public record NewRedFlagVersion(
            @NotBlank @Pattern(regexp = RULE_ID_PATTERN) @Schema(description = "An existing rule, e.g. LARGE_CASH.")
            String ruleId,
            @NotNull @Min(0) @Max(100) @Schema(description = "Points added to the risk score when raised.")
            Integer weight,
            @NotNull @Size(max = 10) @Schema(description = "Exactly the thresholds the rule reads, whole numbers "
                    + "in their ranges: multiple 1 to 1000, percent 1 to 100, maxCashVnd above 0, maxItems, "
                    + "maxForeignItems and maxHousesWithoutLand 0 to 1000, graceDays 0 to 365; UNEXPLAINED_INCREASE "
                    + "reads none (its threshold is the parameter INCREASE_EXPLANATION_THRESHOLD).")
            Map<String, Long> params,
            @NotNull @Schema(description = "The first declaration date the version applies to: today (Vietnam) or "
                    + "later, and after the latest version's.") LocalDate effectiveFrom,
            @NotBlank @Size(max = 500) String description,
            @NotBlank @Size(max = 1000) @Schema(description = "Why: recorded with the change.") String reason) {
    }

    @Schema(name = "RuleParameterVersionView")
    public record ParameterVersionView(String code, LocalDate effectiveFrom,
            @Schema(nullable = true, description = "The last day in force; none while open.") LocalDate effectiveTo,
            long value, String unit, String description,
            @Schema(nullable = true, description = "The legal act; none for the versions loaded at installation.")
            String source) {
    }

    @Schema(name = "RedFlagRuleVersionView")
    public record RedFlagVersionView(String ruleId, int version, LocalDate effectiveFrom,
            @Schema(nullable = true, description = "The last day in force; none while open.") LocalDate effectiveTo,
            int weight, Map<String, Long> params, String description) {
    }

    @Schema(name = "DeclarationRulesView")
    public record RulesView(
            @Schema(description = "Every version of every parameter, by code and effective date.")
            List<ParameterVersionView> parameters,
            @Schema(description = "Every version of every red-flag rule, by rule id and version.")
            List<RedFlagVersionView> redFlagRules) {
    }

    @Schema(name = "DeclarationRuleChangeView")
    public record ChangeView(UUID id,
            @Schema(description = "RULE_PARAMETER_ADDED or RED_FLAG_RULE_ADDED.") String kind,
            @Schema(description = "rule-parameter:<code> or red-flag-rule:<ruleId>.") String subject,
            String changedBy, OffsetDateTime changedAt, String reason,
            @Schema(description = "The change as the admin sent it and as it was applied.")
            Map<String, Object> details) {
    }

    private RuleVersionsApi() {
    }
}

package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.inspectorate.complaints.units.AdministrativeUnits;
import vn.inspectorate.platform.problem.Problem;

/**
 * The checks a filed case passes before it is written, in order: its fields, for history that it is history, then
 * what needs data (dates, units, the caller's province, a cited case). A refusal names the fields at fault, under the
 * item's prefix in a batch ({@code cases[3].receivedOn}), bare for a single case.
 */
@ApplicationScoped
class IntakeChecks {

    static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);

    private final AdministrativeUnits units;
    private final Validator validator;

    IntakeChecks(AdministrativeUnits units, Validator validator) {
        this.units = units;
        this.validator = validator;
    }

    /** Why {@code s} may not be filed by a caller of {@code province}; empty when it may. */
    Optional<IntakeOutcome.Rejected> refusal(CaseSubmission s, String province, boolean backfill, String prefix) {
        List<Problem.FieldError> errors = checkFields(s, prefix);
        if (errors.isEmpty() && backfill && !s.receivedOn().isBefore(BusinessDate.today())) {
            errors = List.of(Problem.FieldError.of(field(prefix, "receivedOn"), "intake.history-before-today"));
        }
        if (!errors.isEmpty()) {
            return Optional.of(new IntakeOutcome.Rejected(422, errors));
        }
        return refusalOnData(s, province).map(r -> new IntakeOutcome.Rejected(r.status(), r.errors().stream()
                .map(e -> new Problem.FieldError(field(prefix, e.field()), e.message(), e.text())).toList()));
    }

    private Optional<IntakeOutcome.Rejected> refusalOnData(CaseSubmission s, String callerProvince) {
        List<Problem.FieldError> errors = checkContent(s);
        if (!errors.isEmpty()) {
            return Optional.of(new IntakeOutcome.Rejected(422, errors));
        }
        if (!units.successorOn(s.provinceCode(), BusinessDate.today()).equals(callerProvince)) {
            return Optional.of(new IntakeOutcome.Rejected(403, List.of(Problem.FieldError.of("provinceCode",
                    "intake.own-province-only"))));
        }
        if (s.reopensCaseId() != null) {
            CitizenCase cited = CitizenCase.findById(s.reopensCaseId());
            if (cited == null || !cited.provinceCode.equals(callerProvince)) {
                return Optional.of(new IntakeOutcome.Rejected(422, List.of(Problem.FieldError.of("reopensCaseId",
                        "intake.reopens-unknown"))));
            }
        }
        return Optional.empty();
    }

    /** Bean Validation of one item. */
    private List<Problem.FieldError> checkFields(CaseSubmission s, String prefix) {
        if (s == null) {
            return List.of(Problem.FieldError.of(prefix.isEmpty() ? "body" : prefix, "intake.item-null"));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<CaseSubmission> v : validator.validate(s)) {
            errors.add(new Problem.FieldError(field(prefix, v.getPropertyPath().toString()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    /** Checks that need dates or reference data. */
    private List<Problem.FieldError> checkContent(CaseSubmission s) {
        Map<String, Problem.FieldError> errors = new LinkedHashMap<>();
        LocalDate today = BusinessDate.today();
        if (s.receivedOn().isBefore(EARLIEST_DATE)) {
            errors.put("receivedOn", Problem.FieldError.of("receivedOn", "case.date-before.error",
                    EARLIEST_DATE.toString()));
        } else if (s.receivedOn().isAfter(today)) {
            errors.put("receivedOn", Problem.FieldError.of("receivedOn", "case.date-in-future.error"));
        }
        if (s.decisionLearnedOn() != null) {
            if (s.decisionLearnedOn().isBefore(EARLIEST_DATE)) {
                errors.put("decisionLearnedOn", Problem.FieldError.of("decisionLearnedOn", "case.date-before.error",
                        EARLIEST_DATE.toString()));
            } else if (s.decisionLearnedOn().isAfter(s.receivedOn())) {
                errors.put("decisionLearnedOn", Problem.FieldError.of("decisionLearnedOn",
                        "intake.learned-after-receipt"));
            }
        }
        if (!errors.containsKey("receivedOn")) {
            // the unit must be in force on the day the case was received; a merged-away one names its successor
            units.refusalReason(s.provinceCode(), s.receivedOn()).ifPresent(reason -> errors.put("provinceCode",
                    Problem.FieldError.of("provinceCode", reason.key(), reason.arguments())));
        }
        if (s.kind() != CaseKind.COMPLAINT && s.instance() != null && s.instance() != 1) {
            errors.put("instance", Problem.FieldError.of("instance", "case.instance.error"));
        }
        if (s.representatives() != null && !s.representatives().isEmpty() && s.complainant() == null) {
            errors.put("complainant", Problem.FieldError.of("complainant", "intake.complainant-required"));
        }
        return List.copyOf(errors.values());
    }

    private static String field(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}

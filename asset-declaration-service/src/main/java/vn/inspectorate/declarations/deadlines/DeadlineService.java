package vn.inspectorate.declarations.deadlines;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.declarants.AgencyDeclarantPages;
import vn.inspectorate.declarations.declarants.Declarant;
import vn.inspectorate.declarations.declarants.DeclarantService;
import vn.inspectorate.declarations.declarants.DeclarantStore;
import vn.inspectorate.declarations.declarations.Declaration;
import vn.inspectorate.declarations.declarations.DeclarationKind;
import vn.inspectorate.declarations.declarations.DeclarationStore;
import vn.inspectorate.declarations.deadlines.DeadlineApi.Outcome;
import vn.inspectorate.declarations.deadlines.DeadlineApi.Overdue;
import vn.inspectorate.declarations.deadlines.DeadlineApi.RecordReminder;
import vn.inspectorate.declarations.deadlines.DeadlineApi.Reminder;
import vn.inspectorate.declarations.deadlines.DeadlineApi.Standing;
import vn.inspectorate.declarations.deadlines.DeadlineApi.TrackedKind;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.declarations.supplementary.SupplementaryDues;
import vn.inspectorate.declarations.transfers.TransferStore;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.security.CallerScope;

/**
 * Late and missing declarations per agency, and the written reminders: after the dated number of reminders, the next
 * one recorded for a declaration still missing is a violation.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeadlineService {

    private final ReminderStore reminders;
    private final DeclarantStore declarantStore;
    private final DeclarationStore declarations;
    private final DeclarationAccess access;
    private final DeclarantService declarants;
    private final RuleData rules;
    private final CallerScope caller;

    private final SupplementaryDues supplementaryDues;
    private final TransferStore transfers;
    private final AgencyDeclarantPages agencyPages;

    DeadlineService(ReminderStore reminders, DeclarantStore declarantStore, DeclarationStore declarations,
            DeclarationAccess access, DeclarantService declarants, RuleData rules, CallerScope caller,
            SupplementaryDues supplementaryDues, TransferStore transfers, AgencyDeclarantPages agencyPages) {
        this.agencyPages = agencyPages;
        this.supplementaryDues = supplementaryDues;
        this.transfers = transfers;
        this.reminders = reminders;
        this.declarantStore = declarantStore;
        this.declarations = declarations;
        this.caller = caller;
        this.access = access;
        this.declarants = declarants;
        this.rules = rules;
    }

    /** One page of the missing and late declarations of the agency's declarants the caller controls. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Overdue> overdue(String agency, int year, LocalDate asOf, PageRequest page) {
        return agencyPages.page(agency, page, d -> overdueOf(d, year, asOf));
    }

    private List<Overdue> overdueOf(Declarant d, int year, LocalDate asOf) {
        List<Overdue> out = new ArrayList<>();
        if (!access.mayControl(d.agencyCode, d.provinceCode)) {
            return out;
        }
        // from the year a person moved to another agency, their declarations are due there
        if (transfers.transferredOut(d.id).map(on -> on.getYear() <= year).orElse(false)) {
            return out;
        }
        if (d.annualRequired) {
            check(d, TrackedKind.ANNUAL, year, rules.yearEndDeadline(year), filed(d.id, TrackedKind.ANNUAL, year),
                    asOf).ifPresent(out::add);
        }
        // a person transferred from another agency brings their declarations: no first-time declaration
        if (d.appointedOn.getYear() == year && !transfers.transferredIn(d.id)) {
            check(d, TrackedKind.FIRST_TIME, year, rules.firstTimeDeadline(d.appointedOn),
                    filed(d.id, TrackedKind.FIRST_TIME, year), asOf).ifPresent(out::add);
        }
        supplementaryDues.of(d.id, year).flatMap(s -> check(d, TrackedKind.SUPPLEMENTARY, year, s.dueOn(),
                s.answeredBy(), asOf)).ifPresent(out::add);
        return out;
    }

    public Reminder remind(UUID declarantId, RecordReminder in) {
        Declarant d = declarants.visible(declarantId);
        if (!access.mayControl(d.agencyCode, d.provinceCode)) {
            throw Refusals.notFound("what.declarant", declarantId);
        }
        declarantStore.lockDeclarant(d.id);
        LocalDate due = switch (in.kind()) {
            case ANNUAL -> rules.yearEndDeadline(in.year());
            case FIRST_TIME -> rules.firstTimeDeadline(d.appointedOn);
            case SUPPLEMENTARY -> supplementaryDues.of(d.id, in.year()).map(s -> s.dueOn())
                    .orElseThrow(() -> Refusals.unprocessable("not-due", List.of(FieldError.of("year",
                            "error.reminder.no-supplementary-due")), "reminder.no-supplementary-due",
                            String.valueOf(in.year())));
        };
        if (in.kind() == TrackedKind.FIRST_TIME && d.appointedOn.getYear() != in.year()) {
            throw Refusals.unprocessable("not-due", List.of(FieldError.of("year",
                    "error.reminder.not-appointment-year")), "reminder.first-time-year");
        }
        if (!in.sentOn().isAfter(due)) {
            throw Refusals.unprocessable("not-due", List.of(FieldError.of("sentOn", "error.reminder.not-after-deadline",
                    due.toString())), "reminder.not-overdue", due.toString());
        }
        Declaration filed = in.kind() == TrackedKind.SUPPLEMENTARY
                ? supplementaryDues.of(d.id, in.year()).map(s -> s.answeredBy()).orElse(null)
                : filed(d.id, in.kind(), in.year());
        if (filed != null) {
            throw Refusals.conflict("already-declared", Map.of(), "reminder.already-declared");
        }
        List<Outcome> sent = reminders.sent(d.id, in.kind(), in.year());
        if (sent.contains(Outcome.VIOLATION)) {
            throw Refusals.conflict("violation-recorded", Map.of(), "reminder.violation-recorded");
        }
        int allowed = rules.intValue(RuleData.REMINDERS_BEFORE_VIOLATION, in.sentOn());
        Outcome outcome = sent.size() < allowed ? Outcome.REMINDER : Outcome.VIOLATION;
        UUID id = TimeOrderedIds.next();
        int sequence = sent.size() + 1;
        reminders.insert(id, d.id, in.kind(), in.year(), sequence, outcome, in.sentOn(), caller.subject());
        return new Reminder(id, d.id, in.kind(), in.year(), sequence, outcome, in.sentOn());
    }

    /** Overdue when {@code filed} (the declaration that answers, or null) is missing past {@code due}, or late. */
    private java.util.Optional<Overdue> check(Declarant d, TrackedKind kind, int year, LocalDate due,
            Declaration filed, LocalDate asOf) {
        List<Outcome> sent = this.reminders.sent(d.id, kind, year);
        boolean violation = sent.contains(Outcome.VIOLATION);
        int reminders = (int) sent.stream().filter(Outcome.REMINDER::equals).count();
        if (filed == null && asOf.isAfter(due)) {
            return java.util.Optional.of(new Overdue(d.id, d.agencyCode, kind, year, due, Standing.MISSING, null,
                    reminders, violation));
        }
        if (filed != null && filed.declaredOn.isAfter(due)) {
            return java.util.Optional.of(new Overdue(d.id, d.agencyCode, kind, year, due, Standing.LATE,
                    filed.declaredOn, reminders, violation));
        }
        return java.util.Optional.empty();
    }

    private Declaration filed(UUID declarantId, TrackedKind kind, int year) {
        return declarations.filed(declarantId, DeclarationKind.valueOf(kind.name()), year);
    }
}

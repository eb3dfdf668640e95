package vn.inspectorate.declarations.deadlines;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.declarants.Declarant;
import vn.inspectorate.declarations.declarants.DeclarantService;
import vn.inspectorate.declarations.declarations.Declaration;
import vn.inspectorate.declarations.declarations.DeclarationKind;
import vn.inspectorate.declarations.declarations.DeclarationStatus;
import vn.inspectorate.declarations.deadlines.DeadlineApi.Outcome;
import vn.inspectorate.declarations.deadlines.DeadlineApi.Overdue;
import vn.inspectorate.declarations.deadlines.DeadlineApi.RecordReminder;
import vn.inspectorate.declarations.deadlines.DeadlineApi.Reminder;
import vn.inspectorate.declarations.deadlines.DeadlineApi.Standing;
import vn.inspectorate.declarations.deadlines.DeadlineApi.TrackedKind;
import vn.inspectorate.declarations.rules.RuleData;
import vn.inspectorate.platform.problem.Problem.FieldError;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * Late and missing declarations per agency, and the written reminders: after the dated number of reminders, the next
 * one recorded for a declaration still missing is a violation.
 */
@ApplicationScoped
public class DeadlineService {

    private final EntityManager em;
    private final DeclarationAccess access;
    private final DeclarantService declarants;
    private final RuleData rules;

    DeadlineService(EntityManager em, DeclarationAccess access, DeclarantService declarants, RuleData rules) {
        this.em = em;
        this.access = access;
        this.declarants = declarants;
        this.rules = rules;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Overdue> overdue(String agency, int year, LocalDate asOf) {
        List<Declarant> staff = Declarant.list("agencyCode = ?1 order by id", agency);
        List<Overdue> out = new ArrayList<>();
        for (Declarant d : staff) {
            if (!access.mayControl(d.agencyCode, d.provinceCode)) {
                continue;
            }
            if (d.annualRequired) {
                check(d, TrackedKind.ANNUAL, year, rules.yearEndDeadline(year), asOf).ifPresent(out::add);
            }
            if (d.appointedOn.getYear() == year) {
                check(d, TrackedKind.FIRST_TIME, year, rules.firstTimeDeadline(d.appointedOn), asOf).ifPresent(out::add);
            }
        }
        return out;
    }

    @Transactional
    public Reminder remind(UUID declarantId, RecordReminder in) {
        Declarant d = declarants.visible(declarantId);
        if (!access.mayControl(d.agencyCode, d.provinceCode)) {
            throw ProblemException.notFound("Declarant " + declarantId);
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "declarant:" + d.id)
                .getSingleResult();
        LocalDate due = in.kind() == TrackedKind.ANNUAL ? rules.yearEndDeadline(in.year())
                : rules.firstTimeDeadline(d.appointedOn);
        if (in.kind() == TrackedKind.FIRST_TIME && d.appointedOn.getYear() != in.year()) {
            throw ProblemException.unprocessable("not-due", "The first-time declaration is due in the year of "
                    + "appointment.", List.of(new FieldError("year", "not the year of appointment")));
        }
        if (!in.sentOn().isAfter(due)) {
            throw ProblemException.unprocessable("not-due", "The declaration is not overdue before " + due + ".",
                    List.of(new FieldError("sentOn", "on or before the deadline " + due)));
        }
        if (filed(d.id, in.kind(), in.year()) != null) {
            throw ProblemException.conflict("already-declared", "The declaration was filed; no reminder is due.",
                    Map.of());
        }
        List<Object[]> sent = reminders(d.id, in.kind(), in.year());
        if (sent.stream().anyMatch(r -> Outcome.VIOLATION.name().equals(r[1]))) {
            throw ProblemException.conflict("violation-recorded", "A violation is already recorded for this "
                    + "declaration.", Map.of());
        }
        int allowed = rules.intValue(RuleData.REMINDERS_BEFORE_VIOLATION, in.sentOn());
        Outcome outcome = sent.size() < allowed ? Outcome.REMINDER : Outcome.VIOLATION;
        UUID id = UUID.randomUUID();
        int sequence = sent.size() + 1;
        em.createNativeQuery("""
                insert into declaration_reminder (id, declarant_id, kind, year, sequence, outcome, sent_on, recorded_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, id).setParameter(2, d.id).setParameter(3, in.kind().name()).setParameter(4, in.year())
                .setParameter(5, sequence).setParameter(6, outcome.name()).setParameter(7, in.sentOn())
                .setParameter(8, access.caller().subject()).executeUpdate();
        return new Reminder(id, d.id, in.kind(), in.year(), sequence, outcome, in.sentOn());
    }

    private java.util.Optional<Overdue> check(Declarant d, TrackedKind kind, int year, LocalDate due, LocalDate asOf) {
        Declaration filed = filed(d.id, kind, year);
        List<Object[]> sent = reminders(d.id, kind, year);
        boolean violation = sent.stream().anyMatch(r -> Outcome.VIOLATION.name().equals(r[1]));
        int reminders = (int) sent.stream().filter(r -> Outcome.REMINDER.name().equals(r[1])).count();
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
        return Declaration.find("declarantId = ?1 and kind = ?2 and year = ?3 and status <> ?4 order by declaredOn",
                declarantId, DeclarationKind.valueOf(kind.name()), year, DeclarationStatus.DRAFT).firstResult();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> reminders(UUID declarantId, TrackedKind kind, int year) {
        return em.createNativeQuery("""
                select sequence, outcome from declaration_reminder where declarant_id = ?1 and kind = ?2 and year = ?3
                order by sequence""").setParameter(1, declarantId).setParameter(2, kind.name()).setParameter(3, year)
                .getResultList();
    }
}

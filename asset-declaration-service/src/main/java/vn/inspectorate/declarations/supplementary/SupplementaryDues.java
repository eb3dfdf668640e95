package vn.inspectorate.declarations.supplementary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.declarations.declarations.Declaration;
import vn.inspectorate.declarations.declarations.DeclarationKind;
import vn.inspectorate.declarations.declarations.DeclarationStore;
import vn.inspectorate.declarations.supplementary.ChangeApi.Change;

/**
 * Whether a declarant's supplementary declaration of a year is answered. A supplementary declaration answers the
 * changes that happened up to its date: one filed in March does not answer a job change in September, which is still
 * due by the year's deadline. The due list, the overdue list and the reminders all read it here.
 */
@ApplicationScoped
public class SupplementaryDues {

    /**
     * The changes of a year that made a supplementary declaration due by {@code dueOn}, and the supplementary
     * declaration that answers them all (null while the latest is unanswered). {@code changes} are the ones answered
     * when it is, else the ones still open.
     */
    public record YearDue(List<Change> changes, LocalDate dueOn, Declaration answeredBy) {
    }

    private final ChangeStore changes;
    private final DeclarationStore declarations;

    SupplementaryDues(ChangeStore changes, DeclarationStore declarations) {
        this.changes = changes;
        this.declarations = declarations;
    }

    /** Empty when no change made a supplementary declaration of {@code year} due. */
    public Optional<YearDue> of(UUID declarantId, int year) {
        List<Change> due = changes.dueIn(declarantId, year);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        LocalDate dueOn = due.get(0).dueOn();
        LocalDate lastChange = due.get(due.size() - 1).occurredOn();
        List<Declaration> filed = declarations.allFiled(declarantId, DeclarationKind.SUPPLEMENTARY, year);
        Optional<Declaration> answer = filed.stream().filter(s -> !s.declaredOn.isBefore(lastChange)).findFirst();
        if (answer.isPresent()) {
            return Optional.of(new YearDue(due, dueOn, answer.get()));
        }
        // the changes up to the latest supplementary declaration are answered; those after it are open
        LocalDate answeredUpTo = filed.isEmpty() ? null : filed.get(filed.size() - 1).declaredOn;
        List<Change> open = due.stream()
                .filter(c -> answeredUpTo == null || c.occurredOn().isAfter(answeredUpTo)).toList();
        return Optional.of(new YearDue(open, dueOn, null));
    }
}

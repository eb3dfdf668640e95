package vn.inspectorate.inspection.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.inspectorate.inspection.bulk.InspectionBatchApi.DatedField;
import vn.inspectorate.inspection.bulk.InspectionBatchApi.InspectionRecord;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;
import vn.inspectorate.platform.time.VietnamTime;

/**
 * Which dates may be loaded as history: every date of a back-filled record's lifecycle lies before today in Vietnam
 * time (a back-filled plan: its year before this year, its approval before today). Today and later are live: they are written through the single calls as they happen, with the live rules.
 */
public final class HistoryWindow {

    private HistoryWindow() {
    }

    public static LocalDate today() {
        return VietnamTime.today();
    }

    /**
     * 422 {@code backfill-date} naming {@code errors}, the fields whose dates may not be loaded as history; nothing
     * when there are none. Other history loads (plans) answer with the same problem as the records.
     */
    public static void require(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("backfill-date", errors, "history.before-today", today().toString());
        }
    }

    /** 422 {@code backfill-date} naming every date of {@code item} that is not in the past. */
    static void requirePast(InspectionRecord item, String prefix) {
        LocalDate today = today();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (DatedField dated : dates(item)) {
            if (dated.date() != null && !dated.date().isBefore(today)) {
                errors.add(Problem.FieldError.of(prefix + "." + dated.field(), "history.before", today.toString()));
            }
        }
        require(errors);
    }

    private static List<DatedField> dates(InspectionRecord item) {
        List<DatedField> dates = new ArrayList<>();
        dates.add(new DatedField("opening.decisionDate", item.opening().decisionDate()));
        dates.add(new DatedField("opening.openedOn", item.opening().openedOn()));
        if (item.start() != null) {
            dates.add(new DatedField("start.startedOn", item.start().startedOn()));
        }
        if (item.report() != null) {
            dates.add(new DatedField("report.submittedOn", item.report().submittedOn()));
        }
        if (item.conclusion() != null) {
            dates.add(new DatedField("conclusion.concludedOn", item.conclusion().concludedOn()));
        }
        if (item.recoveries() != null) {
            for (int i = 0; i < item.recoveries().size(); i++) {
                dates.add(new DatedField("recoveries[" + i + "].payment.paidOn",
                        item.recoveries().get(i).payment().paidOn()));
            }
        }
        if (item.closure() != null) {
            dates.add(new DatedField("closure.closedOn", item.closure().closedOn()));
        }
        return dates;
    }
}

package vn.inspectorate.complaints.cases;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Up to 1,000 cases, each answered on its own; items are validated one by one, so a bad one rejects only itself.
 * {@code backfilled} loads them as history: cases received before today, marked on the record and its events.
 */
public record BatchSubmission(@NotNull @Size(min = 1, max = 1000) List<CaseSubmission> cases,
        @Schema(description = "Load the cases as history (a back-fill): each must have been received before today "
                + "(Vietnam time); they are marked backfilled, counted by reports under their real dates, never "
                + "overdue, and no public event or partner webhook is sent for them. A case loaded so is corrected "
                + "through the normal commands; its source reference with other values is a CONFLICT.")
        Boolean backfilled) {

    boolean history() {
        return Boolean.TRUE.equals(backfilled);
    }
}

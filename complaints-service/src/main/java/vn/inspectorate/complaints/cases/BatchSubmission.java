package vn.inspectorate.complaints.cases;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Up to 1,000 cases, each answered on its own; items are validated one by one, so a bad one rejects only itself. */
public record BatchSubmission(@NotNull @Size(min = 1, max = 1000) List<CaseSubmission> cases) {
}

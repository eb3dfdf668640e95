package vn.inspectorate.complaints.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.inspectorate.platform.paging.Paged;

/**
 * One page of a case listing: the platform's page ({@code items}, {@code size}, {@code next}, {@code total}) and,
 * for the clients of the older page numbers, {@code page} and {@code totalPages}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CasePage(List<CaseView> items, int size,
        @Schema(nullable = true, description = "Pass as `after` to read the next page; null on the last page.")
        String next,
        long total,
        @Schema(nullable = true, deprecated = true, description = "The page number asked; null when paging by `after`.")
        Integer page,
        @Schema(deprecated = true, description = "How many pages of this size the query fills.")
        long totalPages) implements Paged {

    @Override
    public String nextAfter() {
        return next;
    }
}

package vn.inspectorate.platform.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, the one shape every list of the platform answers. {@code next} is the {@code after} token of the
 * following page (also in the {@code Link: rel="next"} header), null on the last; {@code total} counts every item the
 * query matches, where counting is affordable (null where it is not).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Page<T>(List<T> items, int size,
        @Schema(nullable = true, description = "Pass as `after` to read the next page; null on the last page.")
        String next,
        @Schema(nullable = true, description = "How many items the query matches over all pages.")
        Long total) implements Paged {

    @Override
    public String nextAfter() {
        return next;
    }
}

package vn.inspectorate.complaints.cases;

import java.util.List;

/** One page of a case listing, with the total over all pages. */
public record CasePage(List<CaseView> items, int page, int size, long total, long totalPages) {
}

package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;

/** Listing cases with filters, a stable sort and a page; the filters use the indexes of {@code citizen_case}. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseQueryService {

    /** The fields a list may be sorted by. */
    static final Set<String> SORTS = CaseSearch.SORTS.keySet();

    private final CaseSearch search;
    private final CaseViews views;

    CaseQueryService(CaseSearch search, CaseViews views) {
        this.search = search;
        this.views = views;
    }

    /** What to look for; null fields do not filter. */
    public record Filter(String province, CaseKind kind, CaseStatus status, String handlingBody, Boolean overdue,
            Integer dueWithinDays, LocalDate receivedFrom, LocalDate receivedTo, Boolean watchlist) {
    }

    /**
     * One page of cases: after {@code request}'s position, or at the older page number {@code pageNumber} (null with
     * a position).
     */
    public CasePage find(Filter f, String sortField, boolean descending, Integer pageNumber, PageRequest request) {
        long offset = pageNumber == null ? 0 : (long) pageNumber * request.size();
        CaseSearch.Found found = search.search(f, sortField, descending, offset, request);
        Page<CaseView> page = request.map(found.cases(), c -> CaseSearch.key(sortField, c), views::of, found.total());
        return new CasePage(page.items(), page.size(), page.next(), page.total(), pageNumber,
                (found.total() + request.size() - 1) / request.size());
    }
}

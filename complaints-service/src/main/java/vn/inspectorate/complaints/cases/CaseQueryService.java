package vn.inspectorate.complaints.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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

    public CasePage find(Filter f, String sortField, boolean descending, int page, int size) {
        CaseSearch.Found found = search.search(f, sortField, descending, page, size);
        List<CaseView> items = found.cases().stream().map(views::of).toList();
        return new CasePage(items, page, size, found.total(), (found.total() + size - 1) / size);
    }
}

package vn.inspectorate.declarations.declarants;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;

/**
 * Pages of a list made declarant by declarant over an agency (what is due or overdue from each): its declarants are
 * read in id order a chunk at a time until the page is full, and an item's place is its declarant and its position
 * among that declarant's items, so a page may end inside one declarant's items and nothing is cut or repeated.
 */
@ApplicationScoped
public class AgencyDeclarantPages {

    private static final int CHUNK = 200;

    private final DeclarantStore store;

    AgencyDeclarantPages(DeclarantStore store) {
        this.store = store;
    }

    /** One page of the items {@code itemsOf} gives for each declarant of {@code agency}. */
    public <T> Page<T> page(String agency, PageRequest page, Function<Declarant, List<T>> itemsOf) {
        List<Placed<T>> rows = new ArrayList<>();
        UUID after = null;
        if (!page.first()) {
            after = UUID.fromString(page.after(0));
            int done = Integer.parseInt(page.after(1));
            Declarant last = store.findById(after);
            if (last != null && agency.equals(last.agencyCode)) {
                add(rows, last, itemsOf.apply(last), done + 1);
            }
        }
        while (rows.size() < page.fetch()) {
            List<Declarant> chunk = store.ofAgency(agency, after, CHUNK);
            for (Declarant d : chunk) {
                add(rows, d, itemsOf.apply(d), 0);
                if (rows.size() >= page.fetch()) {
                    break;
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            after = chunk.get(chunk.size() - 1).id;
        }
        return page.map(rows, p -> List.of(p.declarantId().toString(), Integer.toString(p.index())), Placed::item,
                null);
    }

    private static <T> void add(List<Placed<T>> rows, Declarant d, List<T> items, int from) {
        for (int i = from; i < items.size(); i++) {
            rows.add(new Placed<>(d.id, i, items.get(i)));
        }
    }

    private record Placed<T>(UUID declarantId, int index, T item) {
    }
}

package vn.inspectorate.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

class PageRequestTest {

    private static final String QUERY = "province=VN-HN;order=openedOn,id";

    @Test
    void aTokenCarriesTheLastKeyBackIncludingAnEmptyValue() {
        PageRequest first = PageRequest.of(2, null, QUERY, 3);
        Page<List<String>> page = first.page(List.of(List.of("a", "1", "x"), Arrays.asList("2026-01-02", null, "id-2"),
                List.of("c", "3", "z")), k -> k, null);
        assertThat(page.items()).hasSize(2);
        assertThat(page.next()).isNotNull();

        PageRequest second = PageRequest.of(2, page.next(), QUERY, 3);
        assertThat(second.first()).isFalse();
        assertThat(second.after(0)).isEqualTo("2026-01-02");
        assertThat(second.after(1)).isNull();
        assertThat(second.after(2)).isEqualTo("id-2");
    }

    @Test
    void pagingAListVisitsEveryItemOnce() {
        List<Integer> all = IntStream.range(0, 1_003).boxed().toList();
        List<Integer> read = new ArrayList<>();
        String after = null;
        do {
            PageRequest request = PageRequest.of(PageRequest.MAX_SIZE, after, QUERY, 1);
            int from = request.first() ? 0 : Integer.parseInt(request.after(0)) + 1;
            List<Integer> rows = all.subList(from, Math.min(all.size(), from + request.fetch()));
            Page<Integer> page = request.page(rows, i -> List.of(Integer.toString(i)), (long) all.size());
            read.addAll(page.items());
            after = page.next();
        } while (after != null);
        assertThat(read).isEqualTo(all);
    }

    @Test
    void theLastPageHasNoNext() {
        Page<String> page = PageRequest.of(3, null, QUERY, 1).page(List.of("a", "b", "c"), List::of, 3L);
        assertThat(page.next()).isNull();
        assertThat(page.total()).isEqualTo(3L);
    }

    @Test
    void aTamperedTokenIsA400NamingAfter() {
        String token = PageRequest.of(1, null, QUERY, 1).page(List.of("a", "b"), List::of, null).next();
        String body = token.substring(0, token.indexOf('.'));
        String seal = token.substring(token.indexOf('.') + 1);
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1\u001fzzz".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + seal;
        for (String bad : List.of(forged, body, body + ".", "not-a-token", token + "x", token.replace('.', '!'))) {
            assertInvalid(() -> PageRequest.of(1, bad, QUERY, 1), "after");
        }
    }

    @Test
    void aTokenOfAnotherQueryOrKeyIsRefused() {
        String token = PageRequest.of(1, null, QUERY, 1).page(List.of("a", "b"), List::of, null).next();
        assertInvalid(() -> PageRequest.of(1, token, "province=VN-NB;order=openedOn,id", 1), "after");
        assertInvalid(() -> PageRequest.of(1, token, QUERY, 2), "after");
        assertThat(PageRequest.of(1, token, QUERY, 1).after(0)).isEqualTo("a");
    }

    @Test
    void aSizeOutsideTheBoundsIsA400NeverClamped() {
        assertInvalid(() -> PageRequest.of(PageRequest.MAX_SIZE + 1, null, QUERY, 1), "size");
        assertInvalid(() -> PageRequest.of(0, null, QUERY, 1), "size");
        assertInvalid(() -> PageRequest.of(-5, null, QUERY, 1), "size");
        assertThat(PageRequest.of(PageRequest.MAX_SIZE, null, QUERY, 1).size()).isEqualTo(PageRequest.MAX_SIZE);
        assertThat(PageRequest.of(null, null, QUERY, 1).size()).isEqualTo(PageRequest.DEFAULT_SIZE);
    }

    private static void assertInvalid(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().type().toString()).endsWith("/invalid-request");
            assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly(field);
        });
    }
}

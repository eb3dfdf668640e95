package vn.inspectorate.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.inspectorate.declarations.verification.RandomSelection;

class RandomSelectionTest {

    static List<UUID> population(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.nameUUIDFromBytes(("declarant-" + i).getBytes())).toList();
    }

    @Test
    void sameSeedSameSelectionWhateverTheInputOrder() {
        List<UUID> people = population(100);
        List<UUID> reversed = new java.util.ArrayList<>(people);
        java.util.Collections.reverse(reversed);
        assertThat(RandomSelection.select(people, 20261231L, 10))
                .isEqualTo(RandomSelection.select(reversed, 20261231L, 10))
                .hasSize(10).doesNotHaveDuplicates();
        assertThat(RandomSelection.select(people, 1L, 10)).isNotEqualTo(RandomSelection.select(people, 2L, 10));
    }

    @Test
    void selectsAtLeastTheShareRoundedUp() {
        for (int n = 0; n <= 250; n++) {
            int chosen = RandomSelection.select(population(n), 7L, 10).size();
            assertThat(chosen * 100L).as("n=" + n).isGreaterThanOrEqualTo(n * 10L);
            assertThat(chosen).as("n=" + n).isLessThanOrEqualTo((n + 9) / 10);
        }
    }
}

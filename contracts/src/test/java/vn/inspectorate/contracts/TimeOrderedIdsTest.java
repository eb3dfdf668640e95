package vn.inspectorate.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidOfTheRfcVariantCarryingItsCreationTime() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(TimeOrderedIds.createdAtMillis(id)).isBetween(before, after);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesInTheDatabasesByteOrder() {
        // PostgreSQL orders uuids by their bytes, unsigned: the text form compares the same way
        UUID earlier = TimeOrderedIds.at(1_764_900_000_000L, -1L, -1L);
        UUID later = TimeOrderedIds.at(1_764_900_000_001L, 0L, 0L);

        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(earlier.toString()).isEqualTo("019aec3c-d100-7fff-bfff-ffffffffffff");
        assertThat(later.toString()).isEqualTo("019aec3c-d101-7000-8000-000000000000");
    }

    @Test
    void onlyTheTimeAndTheVersionAndVariantBitsAreFixed() {
        UUID allOnes = TimeOrderedIds.at(0L, -1L, -1L);
        UUID allZeros = TimeOrderedIds.at(0L, 0L, 0L);

        assertThat(allOnes.toString()).isEqualTo("00000000-0000-7fff-bfff-ffffffffffff");
        assertThat(allZeros.toString()).isEqualTo("00000000-0000-7000-8000-000000000000");
    }

    @Test
    void idsCreatedInTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aRandomUuidHasNoCreationTime() {
        assertThatThrownBy(() -> TimeOrderedIds.createdAtMillis(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 4");
    }
}

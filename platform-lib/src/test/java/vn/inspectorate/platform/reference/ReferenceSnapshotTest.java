package vn.inspectorate.platform.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReferenceSnapshotTest {

    @Test
    void keptUntilInvalidatedOrOld() throws InterruptedException {
        AtomicInteger loads = new AtomicInteger();
        ReferenceSnapshot<Integer> kept = new ReferenceSnapshot<>(Duration.ofHours(1), loads::incrementAndGet);
        assertThat(kept.get()).isEqualTo(1);
        assertThat(kept.get()).isEqualTo(1);
        kept.invalidate();
        assertThat(kept.get()).isEqualTo(2);

        ReferenceSnapshot<Integer> brief = new ReferenceSnapshot<>(Duration.ofMillis(20), loads::incrementAndGet);
        int first = brief.get();
        Thread.sleep(40);
        assertThat(brief.get()).isEqualTo(first + 1);
    }

    @Test
    void aLoadOverlappingAnInvalidationIsNotKept() {
        AtomicInteger loads = new AtomicInteger();
        AtomicReference<ReferenceSnapshot<Integer>> self = new AtomicReference<>();
        ReferenceSnapshot<Integer> snapshot = new ReferenceSnapshot<>(Duration.ofHours(1), () -> {
            int n = loads.incrementAndGet();
            if (n == 1) {
                // a change commits while the first load is reading
                self.get().invalidate();
            }
            return n;
        });
        self.set(snapshot);
        assertThat(snapshot.get()).isEqualTo(1);
        assertThat(snapshot.get()).isEqualTo(2);
        assertThat(snapshot.get()).isEqualTo(2);
    }
}

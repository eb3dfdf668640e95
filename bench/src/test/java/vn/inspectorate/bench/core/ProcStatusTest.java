package vn.inspectorate.bench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void readsTheResidentSetOfAProcess() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  262144 kB\nRssAnon:\t 200000 kB\n";

        assertThat(ProcStatus.parseKb(status, "VmRSS")).isEqualTo(262144);
        assertThat(ProcStatus.parseKb(status, "RssAnon")).isEqualTo(200000);
        assertThatThrownBy(() -> ProcStatus.parseKb(status, "VmSwap")).hasMessageContaining("no VmSwap");
    }

    @Test
    void measuresThisJvm() {
        double rss = ProcStatus.rssMib(ProcessHandle.current().pid());

        assertThat(rss).isGreaterThan(10).isLessThan(64 * 1024);
    }
}

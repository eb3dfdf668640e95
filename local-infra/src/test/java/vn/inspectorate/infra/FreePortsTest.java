package vn.inspectorate.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreBelowTheEphemeralRangeNeverHandedOutTwiceAndFree() throws IOException {
        int ephemeral = FreePorts.ephemeralRangeStart();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(FreePorts.next());
        }

        assertThat(ports).hasSize(50).allSatisfy(p -> assertThat(p).isBetween(FreePorts.LOWEST, ephemeral - 1));
        try (ServerSocket s = new ServerSocket(ports.iterator().next())) {
            assertThat(s.isBound()).isTrue();
        }
    }
}

package vn.inspectorate.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port nothing listens on right now, for servers started on "any free port".
 *
 * <p>Ports come from below the kernel's ephemeral range: a port the kernel hands out for {@code bind(0)} is also one it
 * hands out to outgoing connections, so in the tens of seconds between picking a port and a slow server (Keycloak)
 * binding it, a client connection of another part starting meanwhile can take it. A port is never handed out twice
 * by one JVM.
 */
public final class FreePorts {

    static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;
    private static final int EPHEMERAL_RANGE_START = ephemeralRangeStart();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int next() {
        for (int i = 0; i < ATTEMPTS && EPHEMERAL_RANGE_START > LOWEST; i++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, EPHEMERAL_RANGE_START);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        // no room below the ephemeral range: let the kernel choose, as a last resort
        try (ServerSocket s = new ServerSocket(0)) {
            HANDED_OUT.add(s.getLocalPort());
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first port of the kernel's ephemeral range (Linux), or the IANA one's (49152) where it cannot be read. */
    static int ephemeralRangeStart() {
        try {
            // by lines: Files.readString returns only the first byte of this sysctl file
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }

    private static boolean bindable(int port) {
        // every address, as the servers bind (0.0.0.0): a port taken on loopback alone would still clash
        try (ServerSocket s = new ServerSocket(port, 1, (InetAddress) null)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}

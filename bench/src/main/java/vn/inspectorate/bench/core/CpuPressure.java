package vn.inspectorate.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU pressure from {@code /proc/pressure/cpu}: the time during which at least one runnable task waited
 * for a core. A step that keeps it near its whole length left no core free: every answer then also waits its turn.
 */
public final class CpuPressure {

    private CpuPressure() {
    }

    /** Microseconds some task waited for a core since the machine started; NaN where the kernel does not tell. */
    public static double someMicros() {
        try {
            return parse(Files.readString(Path.of("/proc/pressure/cpu")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The {@code total=} of the {@code some} line. */
    static double parse(String pressure) {
        for (String line : pressure.split("\n")) {
            if (line.startsWith("some ")) {
                int total = line.indexOf("total=");
                if (total >= 0) {
                    return Double.parseDouble(line.substring(total + "total=".length()).trim());
                }
            }
        }
        return Double.NaN;
    }
}

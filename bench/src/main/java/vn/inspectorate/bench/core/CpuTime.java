package vn.inspectorate.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of the platform's processes from {@code /proc/<pid>/stat}: what a load step costs each of them, so a
 * throughput can be read as "this many milliseconds of CPU per request, these cores".
 */
public final class CpuTime {

    /** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every common architecture. */
    static final double TICKS_PER_SECOND = 100;

    /** CPU seconds (user + system) of a process, or 0 when it is gone. */
    public static double seconds(long pid) {
        return stat(pid, false);
    }

    /** CPU seconds of the children a process has waited for (its load tools once they exit). */
    public static double childrenSeconds(long pid) {
        return stat(pid, true);
    }

    /** CPU seconds of a process and every process below it (PostgreSQL's postmaster and its backends). */
    public static double treeSeconds(long pid) {
        return seconds(pid) + ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToDouble(p -> seconds(p.pid())).sum();
    }

    private static double stat(long pid, boolean children) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), children);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime (fields 14 and 15), or cutime + cstime (16 and 17), counted after the command's parenthesis. */
    static double parse(String stat, boolean children) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): field n is f[n - 3]
        int first = children ? 13 : 11;
        return (Long.parseLong(f[first]) + Long.parseLong(f[first + 1])) / TICKS_PER_SECOND;
    }

    /** CPU seconds of named processes at one moment; {@link #minus} gives what a step cost each. */
    public record Snapshot(Map<String, Double> seconds) {

        public static Snapshot of(Map<String, java.util.function.DoubleSupplier> processes) {
            Map<String, Double> s = new LinkedHashMap<>();
            processes.forEach((name, cpu) -> s.put(name, cpu.getAsDouble()));
            return new Snapshot(s);
        }

        public Map<String, Double> minus(Snapshot before) {
            Map<String, Double> d = new LinkedHashMap<>();
            seconds.forEach((name, s) -> d.put(name, s - before.seconds.getOrDefault(name, 0.0)));
            return d;
        }
    }

    private CpuTime() {
    }
}

package vn.inspectorate.bench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

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

    /**
     * CPU seconds of a process and every process below it (PostgreSQL's postmaster and its backends), including the
     * children that have ended: a process that ends passes its time to its parent's children's count, so the sum does
     * not drop when an autovacuum worker or a backend exits.
     */
    public static double treeSeconds(long pid) {
        return seconds(pid) + childrenSeconds(pid) + ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::descendants).mapToDouble(p -> seconds(p.pid()) + childrenSeconds(p.pid()))
                .sum();
    }

    /**
     * CPU seconds of each JIT compiler thread (C1 and C2) a JVM has now, by thread id; empty when it is gone. A JVM
     * compiles the code it runs hot for minutes after it starts, so this part of a step's CPU shrinks the longer the
     * platform has run.
     */
    public static Map<Long, Double> compilerThreads(long pid) {
        return threads(pid, CpuTime::compilerThread);
    }

    /**
     * CPU seconds of each thread of a process whose name passes {@code named}, by thread id; empty when the process is
     * gone. The kernel keeps a thread's name cut to 15 characters.
     */
    public static Map<Long, Double> threads(long pid, Predicate<String> named) {
        Map<Long, Double> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    if (named.test(Files.readString(task.resolve("comm")).strip())) {
                        threads.put(Long.parseLong(task.getFileName().toString()),
                                parse(Files.readString(task.resolve("stat")), false));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while the folder was read
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return threads;
    }

    /**
     * The threads of the JDK's HTTP client ("HttpClient-1-SelectorManager", "HttpClient-1-Worker-0", cut to 15
     * characters): in this JVM, the open model's sender.
     */
    public static boolean httpClientThread(String name) {
        return name.startsWith("HttpClient-");
    }

    /** HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1"…, which the kernel cuts to 15 characters. */
    static boolean compilerThread(String name) {
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
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

    /**
     * The CPU seconds of some threads of named JVMs at one moment: their JIT compiler threads ({@link #compilers}), or
     * others by name. A thread that ends between two snapshots takes its time with it, so {@link #minus} counts only
     * threads alive at the second: never more than was spent.
     */
    public record ThreadSnapshot(Map<String, Map<Long, Double>> threads) {

        public static ThreadSnapshot compilers(Map<String, Long> jvms) {
            return of(jvms, CpuTime::compilerThread);
        }

        public static ThreadSnapshot of(Map<String, Long> jvms, Predicate<String> named) {
            Map<String, Map<Long, Double>> t = new LinkedHashMap<>();
            jvms.forEach((name, pid) -> t.put(name, CpuTime.threads(pid, named)));
            return new ThreadSnapshot(t);
        }

        public Map<String, Double> minus(ThreadSnapshot before) {
            Map<String, Double> d = new LinkedHashMap<>();
            threads.forEach((name, now) -> {
                Map<Long, Double> then = before.threads.getOrDefault(name, Map.of());
                d.put(name, now.entrySet().stream()
                        .mapToDouble(e -> e.getValue() - then.getOrDefault(e.getKey(), 0.0)).sum());
            });
            return d;
        }
    }

    private CpuTime() {
    }
}

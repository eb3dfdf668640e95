package vn.inspectorate.bench.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vn.inspectorate.bench.load.Commands;

/**
 * JFR on a running service through {@code jcmd}: the platform starts services itself, so the recording is started
 * and dumped from outside. The tools come from the JDK the harness (and therefore the services) runs on.
 */
public final class FlightRecorder {

    private static final String NAME = "bench";

    private final Path javaHome;
    private final java.util.Map<Long, Long> startedAt = new java.util.concurrent.ConcurrentHashMap<>();

    public FlightRecorder(Path javaHome) {
        this.javaHome = javaHome;
    }

    public static FlightRecorder ofThisJvm() {
        return new FlightRecorder(Path.of(System.getProperty("java.home")));
    }

    public void start(long pid) {
        Commands.check(List.of(tool("jcmd"), Long.toString(pid), "JFR.start", "name=" + NAME, "settings=profile"),
                Map.of(), null, 60);
        startedAt.put(pid, System.nanoTime());
    }

    /** Dumps and stops the recording, and returns the CPU-sample summary of it. */
    public String stop(long pid, Path file) {
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Long began = startedAt.remove(pid);
        double seconds = began == null ? Double.NaN : (System.nanoTime() - began) / 1e9;
        Commands.check(List.of(tool("jcmd"), Long.toString(pid), "JFR.dump", "name=" + NAME, "filename=" + file),
                Map.of(), null, 120);
        Commands.check(List.of(tool("jcmd"), Long.toString(pid), "JFR.stop", "name=" + NAME), Map.of(), null, 60);
        String printed = Commands.check(List.of(tool("jfr"), "print", "--events", "jdk.ExecutionSample",
                "--stack-depth", "40", file.toString()), Map.of(), null, 300);
        return "recording: " + file.getFileName() + "\n" + ExecutionSamples.parse(printed).summary(12, seconds);
    }

    /** Stops a recording without keeping it (the goal it was started for was met). */
    public void discard(long pid) {
        startedAt.remove(pid);
        Commands.run(List.of(tool("jcmd"), Long.toString(pid), "JFR.stop", "name=" + NAME), Map.of(), null, 60);
    }

    /** Heap and metaspace of a JVM, to say what its resident memory is made of. */
    public String heapInfo(long pid) {
        String heap = Commands.check(List.of(tool("jcmd"), Long.toString(pid), "GC.heap_info"), Map.of(), null, 60);
        return heap.lines().skip(1).limit(8).reduce("", (a, b) -> a + b.strip() + "\n");
    }

    private String tool(String name) {
        return javaHome.resolve("bin").resolve(name).toString();
    }
}

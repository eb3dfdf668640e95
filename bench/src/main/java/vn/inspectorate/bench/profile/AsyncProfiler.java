package vn.inspectorate.bench.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.inspectorate.bench.load.Commands;

/**
 * async-profiler loaded into a running JVM through {@code jcmd <pid> JVMTI.agent_load <library> "<options>"}: the
 * platform starts the services itself, so the agent is attached from outside, started before a load step and stopped
 * after it. The agent stays loaded; later loads of the same library reach the same profiler.
 *
 * <p>CPU samples come from {@code ctimer} (a per-thread CPU-time timer, {@code timer_create} on
 * {@code CLOCK_THREAD_CPUTIME_ID}): {@code event=cpu} would try perf_events first, which these machines do not offer
 * ({@code perf_event_paranoid} is 2 and {@code perf_event_open} fails), and then fall back to ctimer anyway; naming it
 * makes the choice explicit and keeps the warnings out of the services' logs. A sample is taken per
 * {@value #CPU_INTERVAL_MS} ms of a thread's CPU time, so samples × interval estimate the CPU the process used.
 */
public final class AsyncProfiler {

    static final int CPU_INTERVAL_MS = 2;
    /** Bytes allocated between two allocation samples (TLAB-driven, so cheap). */
    static final String ALLOC_INTERVAL = "512k";

    /** What a profile samples, and the name its files carry. */
    public enum Mode {
        CPU("cpu", "event=ctimer,interval=" + CPU_INTERVAL_MS + "ms"),
        /** Weighted by bytes ({@code total}): the flame graph and the summary count bytes, not samples. */
        ALLOC("alloc", "event=alloc,alloc=" + ALLOC_INTERVAL);

        private final String fileName;
        private final String startOptions;

        Mode(String fileName, String startOptions) {
            this.fileName = fileName;
            this.startOptions = startOptions;
        }

        public String fileName() {
            return fileName;
        }

        /** Output options: allocation profiles count bytes rather than samples. */
        String outputOptions() {
            return this == ALLOC ? ",total" : "";
        }
    }

    private static final Pattern RETURN_CODE = Pattern.compile("return code: (-?\\d+)");

    private final Path javaHome;
    private final Path library;

    AsyncProfiler(Path javaHome, Path library) {
        this.javaHome = javaHome;
        this.library = library;
    }

    /** The agent library for this machine, copied out of the async-profiler jar into {@code workDir}. */
    public static AsyncProfiler extract(Path workDir) {
        String resource = libraryResource(System.getProperty("os.name"), System.getProperty("os.arch"));
        Path target = workDir.resolve("async-profiler").resolve("libasyncProfiler.so");
        try (InputStream in = AsyncProfiler.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (tools.profiler:async-profiler)");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AsyncProfiler(Path.of(System.getProperty("java.home")), target.toAbsolutePath());
    }

    /** The library's path inside the jar for an OS and architecture as the JVM names them. */
    static String libraryResource(String osName, String osArch) {
        if (!osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            throw new IllegalStateException("async-profiler is only set up for Linux here, not " + osName);
        }
        String folder = switch (osArch) {
            case "amd64", "x86_64" -> "linux-x64";
            case "aarch64", "arm64" -> "linux-arm64";
            default -> throw new IllegalStateException("async-profiler has no library for " + osArch);
        };
        return folder + "/libasyncProfiler.so";
    }

    /** Starts sampling in {@code pid}; the agent's own messages go to {@code log}. */
    public void start(long pid, Mode mode, Path log) {
        agent(pid, startOptions(mode, log));
    }

    /**
     * Stops sampling in {@code pid}, writing the collapsed stacks (for the summary) and then the HTML flame graph;
     * returns the collapsed stacks. The dump comes first because {@code stop} ends the profile.
     */
    public String stop(long pid, Mode mode, Path collapsed, Path html) {
        try {
            Files.createDirectories(collapsed.toAbsolutePath().getParent());
            Files.createDirectories(html.toAbsolutePath().getParent());
            agent(pid, dumpOptions(mode, collapsed));
            agent(pid, stopOptions(mode, html));
            return Files.readString(collapsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String startOptions(Mode mode, Path log) {
        return "start," + mode.startOptions + ",log=" + log.toAbsolutePath();
    }

    static String dumpOptions(Mode mode, Path collapsed) {
        return "dump,collapsed" + mode.outputOptions() + ",file=" + collapsed.toAbsolutePath();
    }

    static String stopOptions(Mode mode, Path html) {
        String title = html.getFileName().toString().replaceFirst("\\.html$", "");
        return "stop,flamegraph" + mode.outputOptions() + ",title=" + title + ",file=" + html.toAbsolutePath();
    }

    /**
     * The jcmd command line. jcmd splits its arguments on {@code =} and spaces unless an argument is quoted, so the
     * agent's options travel inside double quotes (without them the agent receives a mangled string).
     */
    List<String> command(long pid, String options) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("jcmd").toString());
        command.add(Long.toString(pid));
        command.add("JVMTI.agent_load");
        command.add(library.toString());
        command.add('"' + options + '"');
        return command;
    }

    private void agent(long pid, String options) {
        String printed = Commands.check(command(pid, options), Map.of(), null, 120);
        int code = returnCode(printed);
        if (code != 0) {
            throw new IllegalStateException("async-profiler in " + pid + " refused '" + options + "' (return code "
                    + code + "): " + printed.strip());
        }
    }

    /** The agent's answer as jcmd prints it ({@code return code: 0} when it accepted the command). */
    static int returnCode(String jcmdOutput) {
        Matcher m = RETURN_CODE.matcher(jcmdOutput);
        if (!m.find()) {
            throw new IllegalStateException("jcmd gave no return code: " + jcmdOutput.strip());
        }
        return Integer.parseInt(m.group(1));
    }
}

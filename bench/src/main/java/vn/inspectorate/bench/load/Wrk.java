package vn.inspectorate.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.inspectorate.bench.core.Resources;

/** wrk, the HTTP load tool, driven by one of the harness' Lua scripts (which print exact figures when done). */
public final class Wrk {

    /** The hook every script ends with: it prints the figures {@link WrkResult} reads. */
    static final String FIGURES = "figures.lua";

    private final Path script;

    private Wrk(Path script) {
        this.script = script;
    }

    /** wrk driven by the harness' script {@code name}, written into {@code folder} with the figures hook after it. */
    public static Wrk script(String name, Path folder) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            Files.writeString(file, Resources.text(name) + "\n" + Resources.text(FIGURES));
            return new Wrk(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path script() {
        return script;
    }

    /**
     * Runs wrk for {@code seconds} with {@code connections} connections on two threads (the machine's core count) and
     * returns its figures; {@code args} go to the script.
     */
    public WrkResult run(String url, int connections, int seconds, String timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(Math.min(2, connections)), "-c",
                Integer.toString(connections), "-d", seconds + "s", "--timeout", timeout, "--latency", "-s",
                script.toString(), url, "--"));
        command.addAll(List.of(args));
        String output = Commands.check(command, Map.of(), null, seconds + 120L);
        return WrkResult.parse(output, timeoutMs(timeout));
    }

    /** wrk's duration notation ({@code 500ms}, {@code 10s}, {@code 3m}) in milliseconds. */
    static double timeoutMs(String timeout) {
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)").matcher(timeout);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a wrk duration: " + timeout);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1000.0;
            default -> n * 60_000.0;
        };
    }
}

package vn.inspectorate.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion and returns what it printed (stdout and stderr together). */
public final class Commands {

    public record Output(int exitCode, String text) {
    }

    public static Output run(List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            byte[] out;
            try (var in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command that must succeed; its output otherwise ends up in the exception. */
    public static String check(List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds) {
        Output o = run(command, env, workDir, timeoutSeconds);
        if (o.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(2, command.size())))
                    + " exited with " + o.exitCode() + ":\n" + o.text());
        }
        return o.text();
    }

    /** The first line a tool prints about its version, or "unknown". */
    public static String version(String... command) {
        try {
            Output o = run(List.of(command), Map.of(), null, 20);
            return o.text().lines().findFirst().orElse("unknown").trim();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private Commands() {
    }
}

package vn.inspectorate.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** pgbench with a custom script against one database of the platform's PostgreSQL. */
public final class PgBench {

    private final int port;
    private final String database;
    private final Path script;
    private final Path workDir;

    public PgBench(int port, String database, Path script, Path workDir) {
        this.port = port;
        this.database = database;
        this.script = script;
        this.workDir = workDir;
    }

    public PgBenchResult run(int clients, int seconds, String tag) {
        try {
            Path logs = Files.createDirectories(workDir.resolve("pgbench-" + tag));
            try (Stream<Path> old = Files.list(logs)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            List<String> command = List.of("pgbench", "-n", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
                    "postgres", "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds), "-f",
                    script.toString(), "-l", "--log-prefix=" + logs.resolve("tx"), database);
            String summary = Commands.check(command, Map.of("PGCONNECT_TIMEOUT", "10"), workDir, seconds + 120L);
            List<String> lines = new ArrayList<>();
            try (Stream<Path> files = Files.list(logs)) {
                for (Path f : files.sorted().toList()) {
                    lines.addAll(Files.readAllLines(f));
                }
            }
            return PgBenchResult.parse(summary, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

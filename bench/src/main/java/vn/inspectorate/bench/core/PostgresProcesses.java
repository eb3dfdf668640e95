package vn.inspectorate.bench.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL's CPU by what its processes do, from {@code /proc}: each database's connections (PostgreSQL titles a
 * backend with its user and database), autovacuum, the WAL writer, the checkpointer, the background writer. Where
 * {@link CpuTime#treeSeconds} gives the server's total, this says which database or which of the server's own chores
 * a write costs.
 */
public final class PostgresProcesses {

    /**
     * A process that ends between two snapshots (an autovacuum worker, a closed connection) passes its time to the
     * postmaster's count of its ended children: what the live processes do not account for.
     */
    public static final String ENDED = "processes that ended meanwhile, or had no title yet (autovacuum workers, "
            + "closed connections)";
    static final String POSTMASTER = "postmaster";

    private PostgresProcesses() {
    }

    /** A process by its id and its start (milliseconds since the epoch; 0 if unknown): an id given again differs. */
    public record ProcessKey(long pid, long startMillis) {

        static ProcessKey of(ProcessHandle process) {
            return new ProcessKey(process.pid(), process.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
        }
    }

    /**
     * The CPU seconds of the postmaster and each process under it at one moment, with what each does, by process id
     * and start (a process id the system gives again to a new process is another key).
     */
    public record Snapshot(Map<ProcessKey, String> roles, Map<ProcessKey, Double> seconds, double tree) {

        public static Snapshot of(long postmaster) {
            Map<ProcessKey, String> roles = new HashMap<>();
            Map<ProcessKey, Double> seconds = new HashMap<>();
            ProcessHandle.of(postmaster).ifPresent(pm -> {
                roles.put(ProcessKey.of(pm), POSTMASTER);
                seconds.put(ProcessKey.of(pm), CpuTime.seconds(postmaster));
                pm.descendants().forEach(p -> title(p.pid()).flatMap(PostgresProcesses::role).ifPresent(role -> {
                    roles.put(ProcessKey.of(p), role);
                    seconds.put(ProcessKey.of(p), CpuTime.seconds(p.pid()));
                }));
            });
            return new Snapshot(roles, seconds, CpuTime.treeSeconds(postmaster));
        }

        /**
         * CPU seconds by role since {@code before}, the largest first; a process that started meanwhile counts whole,
         * and {@link #ENDED} is the server's total less what the live processes spent.
         */
        public Map<String, Double> minus(Snapshot before) {
            Map<String, Double> byRole = new HashMap<>();
            double live = 0;
            for (Map.Entry<ProcessKey, Double> e : seconds.entrySet()) {
                double spent = e.getValue() - before.seconds.getOrDefault(e.getKey(), 0.0);
                byRole.merge(roles.get(e.getKey()), spent, Double::sum);
                live += spent;
            }
            byRole.put(ENDED, Math.max(0, tree - before.tree - live));
            Map<String, Double> sorted = new LinkedHashMap<>();
            byRole.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }
    }

    /**
     * What a process does, from the title PostgreSQL gives it: {@code postgres: checkpointer} is the checkpointer,
     * {@code postgres: autovacuum worker complaints} autovacuum, {@code postgres: postgres complaints 127.0.0.1(4711)
     * idle} a connection to the complaints database. Empty for a title PostgreSQL did not set.
     */
    static Optional<String> role(String title) {
        String t = title.strip();
        if (!t.startsWith("postgres: ")) {
            return Optional.empty();
        }
        String rest = t.substring("postgres: ".length()).strip();
        for (String chore : new String[] {"checkpointer", "background writer", "walwriter", "autovacuum launcher",
                "logical replication launcher", "walsender", "walsummarizer", "io worker"}) {
            if (rest.startsWith(chore)) {
                return Optional.of(chore);
            }
        }
        if (rest.startsWith("autovacuum worker")) {
            return Optional.of("autovacuum");
        }
        if (rest.startsWith("parallel worker")) {
            return Optional.of("parallel workers");
        }
        String[] words = rest.split("\\s+");
        // a backend: user, database, client address, what it does
        return words.length >= 3 ? Optional.of(words[1] + " connections") : Optional.of(rest);
    }

    /** The process title, as {@code ps} shows it: PostgreSQL writes it over the arguments. */
    private static Optional<String> title(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the process ended
        }
    }
}

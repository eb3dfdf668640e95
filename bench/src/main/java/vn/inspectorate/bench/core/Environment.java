package vn.inspectorate.bench.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.inspectorate.bench.load.Commands;

/** The machine and versions a run happened on, written with every result. */
public final class Environment {

    public static Map<String, Object> describe(BenchPlatform platform, Map<String, Object> atStart) {
        Map<String, Object> env = new LinkedHashMap<>(atStart);
        env.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        env.put("kafka", org.apache.kafka.common.utils.AppInfoParser.getVersion());
        try (Connection c = platform.connect("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            env.put("postgresql", rs.getString(1));
        } catch (Exception e) {
            env.put("postgresql", "unknown: " + e.getMessage());
        }
        env.put("wrk", Commands.version("wrk", "-v"));
        env.put("pgbench", Commands.version("pgbench", "--version"));
        return env;
    }

    /** What is known before the platform starts: cores, memory, and the load average of a shared machine. */
    public static Map<String, Object> machine() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("date", Instant.now().toString());
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("memoryGiB", Math.round(totalMemoryBytes() / 1024.0 / 1024 / 1024 * 10) / 10.0);
        env.put("loadAverageAtStart", loadAverage());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return env;
    }

    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long totalMemoryBytes() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return -1;
    }

    private Environment() {
    }
}

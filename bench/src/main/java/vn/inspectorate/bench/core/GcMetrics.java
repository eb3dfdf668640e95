package vn.inspectorate.bench.core;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service JVM's garbage collections and the bytes it allocated, from Micrometer's JVM metrics on its management port
 * ({@code /q/metrics}). Collections and bytes per case do not move with the machine's speed, as CPU time does; a pause
 * is wall time, which every request in flight in the JVM waits out.
 *
 * @param collections young and full collections
 * @param fullCollections the full ones among them
 * @param pauseSeconds the time the application stood still for them
 * @param allocatedBytes what the application allocated in the young generation (counted at each collection)
 */
public record GcMetrics(double collections, double fullCollections, double pauseSeconds, double allocatedBytes) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public GcMetrics minus(GcMetrics before) {
        return new GcMetrics(collections - before.collections, fullCollections - before.fullCollections,
                pauseSeconds - before.pauseSeconds, allocatedBytes - before.allocatedBytes);
    }

    /** The figures of a Prometheus text exposition, summed over every collector and cause. */
    static GcMetrics parse(String exposition) {
        double collections = 0;
        double full = 0;
        double pause = 0;
        double allocated = 0;
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int labels = line.indexOf('{');
            int space = line.indexOf(' ', labels >= 0 ? line.indexOf('}', labels) : 0);
            if (space < 0) {
                continue;
            }
            String name = line.substring(0, labels >= 0 ? labels : space);
            // the value is the field after the name and labels; only the collector's metrics are read
            switch (name) {
                case "jvm_gc_pause_seconds_count" -> {
                    double value = value(line, space);
                    collections += value;
                    if (line.contains("action=\"end of major GC\"")) {
                        full += value;
                    }
                }
                case "jvm_gc_pause_seconds_sum" -> pause += value(line, space);
                case "jvm_gc_memory_allocated_bytes_total" -> allocated += value(line, space);
                default -> {
                }
            }
        }
        return new GcMetrics(collections, full, pause, allocated);
    }

    private static double value(String line, int space) {
        String rest = line.substring(space + 1).trim();
        int end = rest.indexOf(' ');
        return Double.parseDouble(end < 0 ? rest : rest.substring(0, end));
    }

    /** The figures a service serves at {@code managementUrl}/q/metrics now. */
    public static GcMetrics read(String managementUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl + "/q/metrics"))
                .header("Accept", "text/plain; version=0.0.4").timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(managementUrl + "/q/metrics answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("reading " + managementUrl + "/q/metrics failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every running service's figures at one moment, by module. */
    public record Snapshot(Map<String, GcMetrics> byService) {

        public static Snapshot of(BenchPlatform bench, Collection<String> modules) {
            Map<String, GcMetrics> byService = new LinkedHashMap<>();
            for (String module : modules) {
                if (bench.process(module).isPresent()) {
                    byService.put(module, read(bench.platform().managementUrl(module)));
                }
            }
            return new Snapshot(byService);
        }

        /** What each service did since {@code before}. */
        public Map<String, GcMetrics> minus(Snapshot before) {
            Map<String, GcMetrics> done = new LinkedHashMap<>();
            byService.forEach((module, now) -> {
                GcMetrics then = before.byService.get(module);
                if (then != null) {
                    done.put(module, now.minus(then));
                }
            });
            return done;
        }
    }
}

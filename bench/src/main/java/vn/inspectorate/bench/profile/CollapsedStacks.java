package vn.inspectorate.bench.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * async-profiler's collapsed stacks ({@code root;...;leaf count} per line) summarised as text: the frames the samples
 * land in ("self"), and the share of samples in the platform's layers (JSON, Hibernate, JDBC, Kafka, token
 * verification...), so that a profile says where the CPU of a case goes without opening the flame graph.
 */
public final class CollapsedStacks {

    /** One distinct stack, root first, with its weight (samples, or bytes in an allocation profile). */
    record Stack(List<String> frames, long weight) {
    }

    /** A part of the platform, recognised by the prefixes of its frames (packages with slashes, or JVM classes). */
    public record Layer(String name, List<String> prefixes) {

        boolean matches(String frame) {
            for (String p : prefixes) {
                if (frame.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The layers a case passes through. Order matters only for "innermost": a sample goes to the layer of the frame
     * nearest its leaf that belongs to any layer (RSA arithmetic under jose4j counts as crypto there; the inclusive
     * share of token verification holds all of it).
     */
    public static final List<Layer> LAYERS = List.of(
            new Layer("token verification (jose4j, Quarkus OIDC, SmallRye JWT)", List.of("org/jose4j/",
                    "io/quarkus/oidc/", "io/smallrye/jwt/", "io/quarkus/smallrye/jwt/")),
            new Layer("crypto (java.security, javax.crypto, BigInteger)", List.of("java/security/", "sun/security/",
                    "javax/crypto/", "com/sun/crypto/", "java/math/BigInteger", "java/math/MutableBigInteger")),
            new Layer("JSON (Jackson, Vert.x JSON, JSON-B/P)", List.of("com/fasterxml/jackson/", "io/vertx/core/json/",
                    "jakarta/json/", "org/eclipse/yasson/", "org/eclipse/parsson/", "io/quarkus/jackson/")),
            new Layer("Hibernate ORM", List.of("org/hibernate/", "io/quarkus/hibernate/")),
            new Layer("JDBC (PostgreSQL driver, Agroal pool)", List.of("org/postgresql/", "io/agroal/",
                    "io/quarkus/agroal/")),
            new Layer("transactions (Narayana)", List.of("com/arjuna/", "io/quarkus/narayana/")),
            new Layer("Kafka broker", List.of("kafka/", "org/apache/kafka/server/", "org/apache/kafka/storage/",
                    "org/apache/kafka/raft/", "org/apache/kafka/controller/", "org/apache/kafka/metadata/",
                    "org/apache/kafka/coordinator/", "org/apache/kafka/image/", "org/apache/kafka/timeline/")),
            new Layer("Kafka client", List.of("org/apache/kafka/")),
            new Layer("reactive messaging (SmallRye)", List.of("io/smallrye/reactive/messaging/")),
            new Layer("REST (Quarkus REST)", List.of("org/jboss/resteasy/reactive/", "io/quarkus/resteasy/reactive/",
                    "io/quarkus/rest/")),
            new Layer("Vert.x / Netty", List.of("io/vertx/", "io/netty/", "io/quarkus/vertx/")),
            new Layer("logging", List.of("org/jboss/logmanager/", "org/jboss/logging/", "org/slf4j/",
                    "java/util/logging/", "io/quarkus/bootstrap/logging/", "ch/qos/logback/", "org/apache/logging/",
                    "org/apache/log4j/")),
            new Layer("metrics, tracing", List.of("io/micrometer/", "io/opentelemetry/", "io/smallrye/metrics/")),
            new Layer("CDI (ArC)", List.of("io/quarkus/arc/")),
            new Layer("Mutiny", List.of("io/smallrye/mutiny/")),
            new Layer("platform code (vn.inspectorate)", List.of("vn/inspectorate/")),
            new Layer("garbage collection", List.of("SerialHeap::", "DefNewGeneration::", "TenuredGeneration::",
                    "VM_GenCollect", "VM_SerialCollect", "GenCollectedHeap::", "SerialFullGC::", "MarkSweep::",
                    "G1", "PSScavenge", "ParallelScavengeHeap::")),
            new Layer("JIT compiler", List.of("CompileBroker::", "C2Compiler::", "Compiler::", "Compile::",
                    "Compilation::")));

    private final List<Stack> stacks;
    private final long total;

    private CollapsedStacks(List<Stack> stacks) {
        this.stacks = stacks;
        this.total = stacks.stream().mapToLong(Stack::weight).sum();
    }

    /** Parses collapsed output; a frame may hold spaces (native signatures), so the weight is after the last one. */
    public static CollapsedStacks parse(String text) {
        List<Stack> stacks = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            int space = l.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            long weight;
            try {
                weight = Long.parseLong(l.substring(space + 1));
            } catch (NumberFormatException notAStack) {
                continue;
            }
            List<String> frames = List.of(l.substring(0, space).split(";")).stream().map(CollapsedStacks::clean)
                    .toList();
            stacks.add(new Stack(frames, weight));
        }
        return new CollapsedStacks(stacks);
    }

    /** Drops async-profiler's frame-type suffixes ({@code _[j]}, {@code _[i]}, {@code _[k]}...). */
    static String clean(String frame) {
        int mark = frame.lastIndexOf("_[");
        return mark > 0 && frame.endsWith("]") ? frame.substring(0, mark) : frame;
    }

    public long total() {
        return total;
    }

    /** The heaviest leaves (the frame a CPU sample ran in; the type an allocation made). */
    public List<Map.Entry<String, Long>> topSelf(int n) {
        return top(n, s -> s.frames().getLast());
    }

    /** The heaviest frames just below the leaf: in an allocation profile, the code that allocated. */
    public List<Map.Entry<String, Long>> topCallers(int n) {
        return top(n, s -> s.frames().size() < 2 ? s.frames().getLast() : s.frames().get(s.frames().size() - 2));
    }

    private List<Map.Entry<String, Long>> top(int n, Function<Stack, String> key) {
        Map<String, Long> byFrame = new LinkedHashMap<>();
        stacks.forEach(s -> byFrame.merge(key.apply(s), s.weight(), Long::sum));
        return byFrame.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .toList();
    }

    /** The weight of the samples with the layer anywhere on their stack (layers nest, so these overlap). */
    public long inclusive(Layer layer) {
        return stacks.stream().filter(s -> s.frames().stream().anyMatch(layer::matches)).mapToLong(Stack::weight)
                .sum();
    }

    /** Each sample once, to the layer of the frame nearest its leaf that is in a layer; {@code null} key: none. */
    public Map<Layer, Long> innermost(List<Layer> layers) {
        Map<Layer, Long> out = new LinkedHashMap<>();
        for (Stack s : stacks) {
            Layer found = null;
            for (int i = s.frames().size() - 1; i >= 0 && found == null; i--) {
                String frame = s.frames().get(i);
                found = layers.stream().filter(l -> l.matches(frame)).findFirst().orElse(null);
            }
            out.merge(found, s.weight(), Long::sum);
        }
        return out;
    }

    /**
     * The text summary. {@code header} says what was sampled and how; {@code unit} names the weight ("samples" or
     * "bytes"); allocation profiles also list the allocating frames.
     */
    public String summary(String header, boolean bytes, int topN) {
        StringBuilder out = new StringBuilder(header).append('\n');
        if (total == 0) {
            return out.append("no samples\n").toString();
        }
        out.append(bytes ? "top allocated types (bytes, estimated from samples):\n" : "top frames by self samples:\n");
        appendTop(out, topSelf(topN), bytes);
        if (bytes) {
            out.append("top allocating frames:\n");
            appendTop(out, topCallers(topN), bytes);
        }
        out.append("by layer (inclusive: the layer anywhere on the stack, overlapping; innermost: each sample once, "
                + "to the layer nearest its leaf):\n");
        out.append(String.format("  %9s %9s  %s%n", "inclusive", "innermost", "layer"));
        Map<Layer, Long> inner = innermost(LAYERS);
        List<Layer> ordered = new ArrayList<>(LAYERS);
        ordered.sort(Comparator.comparingLong(this::inclusive).reversed());
        for (Layer layer : ordered) {
            long inc = inclusive(layer);
            if (inc == 0) {
                continue;
            }
            out.append(String.format("  %8.1f%% %8.1f%%  %s%n", percent(inc), percent(inner.getOrDefault(layer, 0L)),
                    layer.name()));
        }
        out.append(String.format("  %9s %8.1f%%  %s%n", "", percent(inner.getOrDefault(null, 0L)),
                "none of these (JDK, JVM, other libraries)"));
        return out.toString();
    }

    private void appendTop(StringBuilder out, List<Map.Entry<String, Long>> top, boolean bytes) {
        for (Map.Entry<String, Long> e : top) {
            String weight = bytes ? String.format("%,.1f MiB", e.getValue() / 1048576.0)
                    : String.format("%,d", e.getValue());
            out.append(String.format("  %5.1f%% %12s  %s%n", percent(e.getValue()), weight, e.getKey()));
        }
    }

    private double percent(long weight) {
        return total == 0 ? 0 : 100.0 * weight / total;
    }
}

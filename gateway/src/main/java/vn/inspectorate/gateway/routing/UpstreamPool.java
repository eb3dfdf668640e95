package vn.inspectorate.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one upstream service, taken in turn. An instance that refused a connection, timed out or answered
 * 503 is ejected for a while and then tried again; while every instance is ejected the service is unavailable.
 */
public final class UpstreamPool {

    /** One instance: its base URI and until when it is out of the rotation (epoch millis). */
    public static final class Instance {
        private final URI base;
        private volatile long ejectedUntil;
        /** Why it was last ejected (e.g. "connection refused"), for the readiness check. */
        private volatile String ejectedFor = "";
        /** Ejected because a connection to it failed (nothing was sent), not for a timeout or a 503. */
        private volatile boolean unreachable;

        Instance(URI base) {
            this.base = base;
        }

        public URI base() {
            return base;
        }

        public boolean availableAt(long now) {
            return ejectedUntil <= now;
        }

        /** Epoch millis until which it is out of the rotation (in the past when it is in). */
        public long ejectedUntil() {
            return ejectedUntil;
        }

        public String ejectedFor() {
            return ejectedFor;
        }
    }

    private final String service;
    private final String livenessPath;
    private final List<Instance> instances;
    private final long ejectionMillis;
    private final AtomicInteger next = new AtomicInteger();

    public UpstreamPool(String service, List<String> urls, long ejectionMillis) {
        this(service, urls, ejectionMillis, "/q/health/live");
    }

    public UpstreamPool(String service, List<String> urls, long ejectionMillis, String livenessPath) {
        this.livenessPath = livenessPath;
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("service " + service + " has no instance URL");
        }
        this.service = service;
        this.instances = urls.stream().map(u -> new Instance(URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u))).toList();
        this.ejectionMillis = ejectionMillis;
    }

    /** The path on each instance that answers 200 while it lives. */
    public String livenessPath() {
        return livenessPath;
    }

    public String service() {
        return service;
    }

    public List<Instance> instances() {
        return instances;
    }

    /**
     * The next instance in turn that is not ejected and not in {@code tried}. When every such instance is ejected, the
     * one back soonest among those ejected only for a connection that failed: an instance restarted meanwhile answers,
     * and one still down costs a refused connection, not a timeout. Empty when none is left.
     */
    public Optional<Instance> pick(List<Instance> tried) {
        long now = System.currentTimeMillis();
        int start = Math.floorMod(next.getAndIncrement(), instances.size());
        for (int i = 0; i < instances.size(); i++) {
            Instance candidate = instances.get((start + i) % instances.size());
            if (candidate.availableAt(now) && !tried.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return instances.stream().filter(i -> i.unreachable && !tried.contains(i))
                .min(java.util.Comparator.comparingLong(i -> i.ejectedUntil));
    }

    public void eject(Instance instance, String why) {
        eject(instance, why, false);
    }

    /** Ejects an instance that could not be connected to: nothing reached it, so it may be tried as a last resort. */
    public void ejectUnreachable(Instance instance, String why) {
        eject(instance, why, true);
    }

    private void eject(Instance instance, String why, boolean unreachable) {
        instance.ejectedFor = why;
        instance.unreachable = unreachable;
        instance.ejectedUntil = System.currentTimeMillis() + ejectionMillis;
    }

    /** Seconds until the first ejected instance returns (at least 1). */
    public long secondsUntilRetry() {
        long now = System.currentTimeMillis();
        long soonest = instances.stream().mapToLong(i -> i.ejectedUntil).min().orElse(now);
        return Math.max(1, (soonest - now + 999) / 1000);
    }
}

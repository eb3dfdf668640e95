package vn.inspectorate.bench.load;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import vn.inspectorate.bench.core.Percentiles;

/**
 * Latencies of scheduled sends ({@link ScheduledSends}) answered with the expected status, in microseconds: from the
 * time each request was due (what a client on that schedule waits: the goal's figure) and, for comparison, from the
 * time it actually left (the server's answer alone; lower when sends were held back). Anything else counts as failed.
 * The first {@code warmupSends} of the schedule are not counted: the client's connections and code warm up on them.
 */
public final class OpenModelLatencies {

    private final int expectedStatus;
    private final long warmupSends;
    private final ConcurrentLinkedQueue<Long> fromSchedule = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> fromSend = new ConcurrentLinkedQueue<>();
    private final AtomicLong failed = new AtomicLong();

    public OpenModelLatencies(int expectedStatus, long warmupSends) {
        this.expectedStatus = expectedStatus;
        this.warmupSends = warmupSends;
    }

    public void record(ScheduledSends.Reply reply) {
        if (reply.index() < warmupSends) {
            return;
        }
        if (!reply.status(expectedStatus)) {
            failed.incrementAndGet();
            return;
        }
        fromSchedule.add((reply.answeredNanos() - reply.dueNanos()) / 1_000);
        fromSend.add((reply.answeredNanos() - reply.sentNanos()) / 1_000);
    }

    public long answered() {
        return fromSchedule.size();
    }

    public long failed() {
        return failed.get();
    }

    /** The p-th percentile from the schedule, in ms (NaN without answers). */
    public double fromScheduleMs(double p) {
        return ms(fromSchedule, p);
    }

    /** The p-th percentile from the actual send, in ms (NaN without answers). */
    public double fromSendMs(double p) {
        return ms(fromSend, p);
    }

    private static double ms(ConcurrentLinkedQueue<Long> micros, double p) {
        if (micros.isEmpty()) {
            return Double.NaN;
        }
        return new Percentiles(micros.stream().mapToLong(Long::longValue).toArray()).at(p) / 1000.0;
    }
}

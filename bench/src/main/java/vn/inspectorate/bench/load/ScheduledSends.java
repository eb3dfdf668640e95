package vn.inspectorate.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Open model: requests sent at scheduled times, whether or not earlier ones have been answered, as independent
 * clients would send them. A closed model (wrk's connections, each waiting for its answer) slows down with the server
 * and so hides the queue a slow answer causes (coordinated omission); here a late answer delays nothing else, and each
 * reply carries the time its request was due, so a send held back (at most {@code maxInFlight} requests in flight)
 * still counts from its schedule.
 */
public final class ScheduledSends {

    /** {@code total} sends at {@code ratePerSecond}, the i-th due {@code i / rate} seconds after the first. */
    public record Schedule(double ratePerSecond, long total) {

        public Schedule {
            if (!(ratePerSecond > 0) || total < 0) {
                throw new IllegalArgumentException("a schedule needs a positive rate and a count: " + ratePerSecond
                        + "/s, " + total);
            }
        }

        /** A rate held for a number of seconds. */
        public static Schedule of(double ratePerSecond, double seconds) {
            return new Schedule(ratePerSecond, Math.round(ratePerSecond * seconds));
        }

        /** When the i-th send is due, in nanoseconds after the first. */
        public long offsetNanos(long i) {
            return Math.round(i * 1e9 / ratePerSecond);
        }
    }

    /**
     * The outcome of one send: its index, when it was due, sent and answered ({@link System#nanoTime()}), and the
     * response, or the failure (a refused connection, a timeout) with a null response.
     */
    public record Reply(long index, long dueNanos, long sentNanos, long answeredNanos, HttpResponse<String> response,
            Throwable failure) {

        public boolean status(int expected) {
            return response != null && response.statusCode() == expected;
        }
    }

    /** What the sender achieved: sends per second between the first and the last (below the schedule's: saturated). */
    public record Sent(long count, double ratePerSecond, long maxLagNanos) {
    }

    private ScheduledSends() {
    }

    /**
     * Sends the schedule's requests ({@code request} builds the i-th) and returns once every one is answered;
     * {@code onReply} runs on the client's threads for each.
     */
    public static Sent send(HttpClient http, Schedule schedule, int maxInFlight, LongFunction<HttpRequest> request,
            Consumer<Reply> onReply) throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        long began = System.nanoTime();
        long firstSent = began;
        long lastSent = began;
        long maxLag = 0;
        for (long i = 0; i < schedule.total(); i++) {
            long due = began + schedule.offsetNanos(i);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest next = request.apply(i);
            inFlight.acquire();
            long sent = System.nanoTime();
            if (i == 0) {
                firstSent = sent;
            }
            lastSent = sent;
            maxLag = Math.max(maxLag, sent - due);
            long index = i;
            http.sendAsync(next, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                try {
                    onReply.accept(new Reply(index, due, sent, System.nanoTime(), response, failure));
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(maxInFlight);
        inFlight.release(maxInFlight);
        return new Sent(schedule.total(), achievedRate(schedule.total(), firstSent, lastSent), maxLag);
    }

    /** Sends per second from the first send to the last: n sends span n − 1 intervals. */
    static double achievedRate(long count, long firstSentNanos, long lastSentNanos) {
        if (count < 2 || lastSentNanos <= firstSentNanos) {
            return Double.NaN;
        }
        return (count - 1) / ((lastSentNanos - firstSentNanos) / 1e9);
    }
}

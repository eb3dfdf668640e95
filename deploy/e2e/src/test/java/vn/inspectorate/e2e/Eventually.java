package vn.inspectorate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for what the platform does asynchronously (events crossing Kafka), with a deadline instead of a sleep. */
public final class Eventually {

    private static final long POLL_MS = 200;

    /**
     * Repeats {@code call} until {@code done} accepts its answer and returns that answer; after {@code deadline} fails
     * with the last answer.
     */
    public static <T> T poll(String what, Duration deadline, Supplier<T> call, Predicate<T> done) {
        return poll(what, deadline, Duration.ofMillis(POLL_MS), call, done);
    }

    /** As {@link #poll(String, Duration, Supplier, Predicate)}, asking every {@code interval}. */
    public static <T> T poll(String what, Duration deadline, Duration interval, Supplier<T> call, Predicate<T> done) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = call.get();
        while (!done.test(last) && System.nanoTime() < end) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
            last = call.get();
        }
        T answer = last;
        assertThat(done.test(answer)).as("%s within %s; last answer: %s", what, deadline,
                answer instanceof Response r ? r.statusCode() + " " + r.asString() : answer).isTrue();
        return answer;
    }

    private Eventually() {
    }
}

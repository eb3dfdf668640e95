package vn.inspectorate.e2e.access;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Repeats a call while the gateway answers that the service did not (502, 503, 504), as a client does: on a machine
 * shared with other platforms a service sometimes takes longer than the gateway's timeout. Those answers say nothing
 * about access, which is what these tests judge.
 */
final class EdgeRetry {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private EdgeRetry() {
    }

    static boolean unavailable(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    static Response untilAnswered(Supplier<Response> call) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Response r = call.get();
        while (unavailable(r.statusCode()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
            r = call.get();
        }
        return r;
    }
}

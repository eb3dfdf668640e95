package vn.inspectorate.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.inspectorate.e2e.RunningPlatform;

/**
 * A provincial system writing cases through the gateway at a steady pace while faults happen, as a careful client
 * does: every case has its own source reference, and a write that was refused or whose answer was lost is sent again,
 * unchanged, until the platform answers 2xx. What it keeps: each accepted case's id, and every answer that was not a
 * 2xx (status and content type), so the test can check that no fault ever showed as a 500 or a silent loss.
 */
final class CaseWriter {

    /** An answer that was not a 2xx, or a connection that failed. */
    record Refusal(int status, String contentType, String body) {
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String body;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> accepted = new ConcurrentSkipListMap<>();
    private final List<Refusal> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Set<Integer> statuses = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong attempts = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile String token;
    private volatile boolean running = true;

    /** {@code body}: the receiving body code every case of this writer carries, so its cases can be counted apart. */
    CaseWriter(String body, int threads, Duration pause) {
        this.body = body;
        this.token = RunningPlatform.clientToken("province-hn");
        for (int i = 0; i < threads; i++) {
            this.threads.add(Thread.ofPlatform().name("case-writer-" + i).daemon().start(() -> {
                while (running) {
                    write(next.getAndIncrement());
                    pause(pause);
                }
            }));
        }
    }

    /** Stops taking new cases; every case already begun is written (retried) to the end. */
    void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(Duration.ofMinutes(3));
            if (t.isAlive()) {
                throw new AssertionError("a write did not finish 3 minutes after the fault ended");
            }
        }
    }

    Map<String, String> accepted() {
        return Map.copyOf(accepted);
    }

    int acceptedCount() {
        return accepted.size();
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    long attempts() {
        return attempts.get();
    }

    private void write(int n) {
        String reference = body + "-" + n;
        String json = """
                {"sourceSystem":"hn-portal","sourceReference":"%s","provinceCode":"VN-HN","receivingBodyCode":"%s",\
                "channel":"ONLINE","kind":"COMPLAINT","receivedOn":"%s","subject":"Unpaid compensation %s",\
                "complainant":{"fullName":"Dang Van Fault","idNumber":"001055000555","address":"7 Trang Thi"}}"""
                .formatted(reference, body, LocalDate.now(VIETNAM), reference);
        while (true) {
            attempts.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(RunningPlatform.get().gatewayUrl() + "/api/v1/cases"))
                        .timeout(Duration.ofSeconds(40)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                statuses.add(status);
                if (status == 200 || status == 201) {
                    Matcher id = ID.matcher(response.body());
                    if (!id.find()) {
                        throw new AssertionError("no id in " + response.body());
                    }
                    accepted.put(reference, id.group(1));
                    return;
                }
                refusals.add(new Refusal(status, response.headers().firstValue("Content-Type").orElse(""),
                        response.body()));
                if (status == 401) {
                    token = RunningPlatform.clientToken("province-hn");
                }
            } catch (IOException e) {
                // the answer was lost (a service killed mid-request): the same request again is safe
                refusals.add(new Refusal(0, "", e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(Duration.ofMillis(250));
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

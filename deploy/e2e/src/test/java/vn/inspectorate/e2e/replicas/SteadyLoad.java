package vn.inspectorate.e2e.replicas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A steady load of cases, inspections and declarations written through two gateways in turn, as careful clients do:
 * every write carries an {@code Idempotency-Key} (cases also their natural key), and a write that was refused or whose
 * answer was lost is sent again, unchanged, until it is answered 2xx. It keeps every accepted record with the moment
 * it was accepted, and every answer that was not a 2xx.
 */
final class SteadyLoad {

    /** An answer that was not a 2xx (status 0: the connection failed), with the gateway that gave it. */
    record Refusal(String kind, int gateway, int status, String contentType, String retryAfter, String body) {
    }

    /** A record the platform accepted: its kind, the client's key, its id, and when the answer came. */
    record Accepted(String kind, String key, String id, Instant at) {
    }

    static final String CASES = "cases";
    static final String INSPECTIONS = "inspections";
    static final String DECLARATIONS = "declarations";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final List<String> gateways;
    private final String run;
    private final HeldToken province;
    private final HeldToken inspector;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, List<Accepted>> accepted = new ConcurrentHashMap<>();
    private final List<Refusal> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** Fetches the tokens the writers need; each is kept until a 401 says it expired. */
    interface Tokens {
        String province();

        String inspector();
    }

    /** A token kept until refused: asking Keycloak for one on every write would load it more than the platform. */
    private static final class HeldToken {
        private final Supplier<String> fetch;
        private volatile String token;

        HeldToken(Supplier<String> fetch) {
            this.fetch = fetch;
        }

        String get() {
            String t = token;
            if (t == null) {
                t = fetch.get();
                token = t;
            }
            return t;
        }

        String refresh(String refused) {
            synchronized (this) {
                if (refused.equals(token)) {
                    token = fetch.get();
                }
                return token;
            }
        }
    }

    /** {@code run}: the receiving body, decision prefix and agency of this load's records, so they are counted apart. */
    SteadyLoad(List<String> gateways, String run, Tokens tokens) {
        this.gateways = List.copyOf(gateways);
        this.run = run;
        this.province = new HeldToken(tokens::province);
        this.inspector = new HeldToken(tokens::inspector);
        List.of(CASES, INSPECTIONS, DECLARATIONS).forEach(k -> accepted.put(k, Collections.synchronizedList(new ArrayList<>())));
        start(CASES, 2, Duration.ofMillis(100), this::writeCase);
        start(INSPECTIONS, 1, Duration.ofMillis(250), this::writeInspection);
        start(DECLARATIONS, 1, Duration.ofMillis(250), this::writeDeclaration);
    }

    private void start(String kind, int count, Duration pause, IntFunction<Accepted> write) {
        AtomicInteger next = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofPlatform().name(kind + "-writer-" + i).daemon().start(() -> {
                while (running) {
                    Accepted done = write.apply(next.getAndIncrement());
                    if (done == null) {
                        return;
                    }
                    accepted.get(kind).add(done);
                    pause(pause);
                }
            }));
        }
    }

    /** Stops taking new records; every record already begun is written (retried) to the end. */
    void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(Duration.ofMinutes(3));
            if (t.isAlive()) {
                throw new AssertionError(t.getName() + " did not finish its write 3 minutes after the load ended");
            }
        }
    }

    List<Accepted> accepted(String kind) {
        return List.copyOf(accepted.get(kind));
    }

    int acceptedCount() {
        return accepted.values().stream().mapToInt(List::size).sum();
    }

    int acceptedCount(String kind) {
        return accepted.get(kind).size();
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** Requests sent, retries included. */
    int sent() {
        return sent.get();
    }

    /** Refusals by status. */
    Map<Integer, Long> refusalsByStatus() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        refusals().forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        return byStatus;
    }

    private Accepted writeCase(int n) {
        String reference = run + "-" + n;
        String json = """
                {"sourceSystem":"hn-portal","sourceReference":"%s","provinceCode":"VN-HN","receivingBodyCode":"%s",\
                "channel":"ONLINE","kind":"COMPLAINT","receivedOn":"%s","subject":"Unpaid compensation %s",\
                "complainant":{"fullName":"Dang Van Replica","idNumber":"001055000777","address":"7 Trang Thi"}}"""
                .formatted(reference, run, today(), reference);
        String id = send(CASES, n, "/api/v1/cases", province, json, "case-" + reference);
        return id == null ? null : new Accepted(CASES, reference, id, Instant.now());
    }

    private Accepted writeInspection(int n) {
        String decision = "QD-" + run + "-" + n;
        String json = """
                {"bodyCode":"TTT-HN","decisionNumber":"%s","decisionDate":"%s",\
                "legalBasis":"Law on Inspection 11/2022, Art. 47","team":[{"name":"Team lead","role":"LEAD"}],\
                "type":"INSPECTION","subject":"PUBLIC_DUTIES","entity":{"code":"E-%s-%d","kind":"PUBLIC_BODY",\
                "name":"Commune people's committee %d","provinceCode":"VN-HN"}}"""
                .formatted(decision, today(), run, n, n);
        String id = send(INSPECTIONS, n, "/api/v1/inspections", inspector, json, "inspection-" + decision);
        return id == null ? null : new Accepted(INSPECTIONS, decision, id, Instant.now());
    }

    private Accepted writeDeclaration(int n) {
        String citizenId = String.format("0010%08d", n);
        String official = """
                {"agencyCode":"%s","provinceCode":"VN-HN","position":"Director of Department","rank":"Senior inspector",\
                "annualDeclarationRequired":true,"appointedOn":"2020-01-15","fullName":"Hoang Van Replica %d",\
                "citizenId":"%s","address":"12 Hang Bai"}""".formatted(run, n, citizenId);
        String declarant = send(DECLARATIONS, n, "/api/v1/declarants", province, official,
                "declarant-" + run + "-" + n);
        if (declarant == null) {
            return null;
        }
        LocalDate today = today();
        String draft = """
                {"declarantId":"%s","kind":"ANNUAL","year":%d,"declaredOn":"%s","items":[\
                {"category":"LAND","valueVnd":1000000000,"acquiredOn":"2015-03-01"},\
                {"category":"SALARY","valueVnd":800000000}]}""".formatted(declarant, today.getYear(), today);
        String declaration = send(DECLARATIONS, n + 1, "/api/v1/declarations", province, draft,
                "declaration-" + run + "-" + n);
        if (declaration == null) {
            return null;
        }
        String submitted = send(DECLARATIONS, n, "/api/v1/declarations/" + declaration + "/submission",
                province, "", "submission-" + run + "-" + n);
        return submitted == null ? null : new Accepted(DECLARATIONS, citizenId, declaration, Instant.now());
    }

    /**
     * POSTs until a 2xx answer and returns the record's id from it; null only when interrupted. {@code n} picks the
     * gateway, so the load goes through both.
     */
    private String send(String kind, int n, String path, HeldToken token, String json, String key) {
        int gateway = n % gateways.size();
        String bearer = token.get();
        while (true) {
            sent.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(gateways.get(gateway) + path)).timeout(Duration.ofSeconds(40))
                        .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    Matcher id = ID.matcher(response.body());
                    if (!id.find()) {
                        throw new AssertionError("no id in the answer to " + path + ": " + response.body());
                    }
                    return id.group(1);
                }
                refusals.add(new Refusal(kind, gateway + 1, status,
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Retry-After").orElse(null), response.body()));
                if (status == 401) {
                    bearer = token.refresh(bearer);
                } else if (status >= 400 && status < 500 && status != 409 && status != 429) {
                    throw new AssertionError("a write of the load was refused as bad: " + status + " on " + path
                            + ": " + response.body());
                }
            } catch (IOException e) {
                // the gateway itself did not answer (none of the load's faults stops a gateway)
                refusals.add(new Refusal(kind, gateway + 1, 0, "", null, e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pause(Duration.ofMillis(250));
        }
    }

    private static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

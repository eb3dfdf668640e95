package vn.inspectorate.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.e2e.RunningPlatform;

/**
 * Malformed and hostile requests to every write operation the services publish in their OpenAPI documents, through
 * the gateway with real tokens of the operation's role. Nothing may answer 5xx, every 4xx must be an RFC 9457 problem,
 * a request that can never be valid (malformed JSON, invalid UTF-8, a body of another media type, a scalar body, a path
 * id that is no id or names nothing) must be refused, and the main tables must grow by exactly the records the 2xx
 * answers created (seed records included).
 *
 * <p>Values come from jqwik arbitraries, sampled with one source of randomness per request, seeded from the run's seed
 * and the request's number: {@code -Dhostile.seed=S -Dhostile.only=N} sends request N of run S again. This is a plain
 * JUnit test using jqwik's generators, not a jqwik property: the jqwik engine would run it apart from the Jupiter class
 * order, possibly after the classes that break the shared platform, and one try per request would be sequential.
 */
class HostileInputThroughGatewayTest {

    private static final int REQUESTS = Integer.getInteger("hostile.requests", 10_000);
    private static final int THREADS = Integer.getInteger("hostile.threads", 6);
    private static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    private static final Long ONLY = Long.getLong("hostile.only");
    /** An operation that has no body and whose every accepted call replays all topics: not a bad-input surface. */
    private static final String REBUILD = "POST /api/v1/reports/admin/rebuilds";
    /** Vert.x answers a request line longer than this with a bare 414, before any handler can make it a problem. */
    private static final int CODEC_MAX_INITIAL_LINE = 4096;

    private final Platform platform = RunningPlatform.get();
    private final String gateway = platform.gatewayUrl();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Tokens tokens = new Tokens();
    private final CreationLedger ledger = new CreationLedger();
    private final LongAdder transportRetries = new LongAdder();

    @Test
    void hostileRequestsToEveryWriteOperationBreakNothingAndCreateOnlyWhatIsValid() throws Exception {
        Map<String, String> documents = new LinkedHashMap<>();
        for (String service : List.of("complaints-service", "inspection-service", "asset-declaration-service",
                "reporting-service")) {
            documents.put(service, platform.serviceUrl(service) + "/q/openapi?format=json");
        }
        documents.put("gateway", gateway + "/q/openapi?format=json");
        List<WriteOperations.Operation> operations = new ArrayList<>(WriteOperations.fetch(http, documents));
        operations.removeIf(op -> op.key().equals(REBUILD));
        assertThat(operations).as("write operations in the OpenAPI documents").hasSizeGreaterThan(40);

        Map<String, Long> before = RecordCounts.count(db -> platform.postgres().jdbcUrl(db));
        SeedIds ids = SeedIds.create(this);
        Map<String, LongFunction<JsonNode>> seeded = SeedRecords.bodies(ids.eventType);

        Map<String, LongAdder> perOperation = new ConcurrentHashMap<>();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, MutationCounts> perMutation = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        LongAdder problemsValid = new LongAdder();
        LongAdder serverErrors = new LongAdder();
        LongAdder codecRefusals = new LongAdder();
        Map<String, LongAdder> failureKinds = new ConcurrentHashMap<>();

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long first = ONLY == null ? 0 : ONLY;
        long last = ONLY == null ? REQUESTS : ONLY + 1;
        for (long i = first; i < last; i++) {
            long number = i;
            pool.submit(() -> {
                try {
                    HostileRequest request = build(operations.get((int) (number % operations.size())), number, seeded,
                            ids);
                    Answer answer = send(request);
                    perOperation.computeIfAbsent(request.operation(), k -> new LongAdder()).increment();
                    perMutation.computeIfAbsent(request.mutation(), k -> new MutationCounts()).count(request,
                            answer.status);
                    statuses.computeIfAbsent(answer.status, k -> new LongAdder()).increment();
                    if (answer.status >= 500) {
                        serverErrors.increment();
                        failureKinds.computeIfAbsent(answer.status + " " + request.operation(), k -> new LongAdder())
                                .increment();
                        failures.add(answer.status + " for " + request.describe() + "\n  answer: " + answer.preview());
                    } else if (answer.status == 414 && answer.body.length == 0
                            && request.path().length() > CODEC_MAX_INITIAL_LINE) {
                        // refused by the HTTP codec before any application code (quarkusio/quarkus#55082)
                        codecRefusals.increment();
                    } else if (answer.status >= 400) {
                        String violation = ProblemDocuments.violation(answer.status, answer.contentType, answer.body);
                        if (violation == null) {
                            problemsValid.increment();
                        } else {
                            failureKinds.computeIfAbsent("invalid problem " + answer.status + " ("
                                    + violation.replaceAll("\"[^\"]*\"", "…") + ") " + request.operation(),
                                    k -> new LongAdder()).increment();
                            failures.add("invalid problem (" + violation + ") " + answer.status + " for "
                                    + request.describe() + "\n  answer: " + answer.preview());
                        }
                    } else {
                        if (request.neverValid()) {
                            failureKinds.computeIfAbsent("accepted though never valid " + answer.status + " ["
                                    + request.mutation() + "] " + request.operation(), k -> new LongAdder()).increment();
                            failures.add("accepted though never valid: " + answer.status + " for " + request.describe()
                                    + "\n  answer: " + answer.preview());
                        }
                        // counted even when wrongly accepted, so that the record counts stay comparable
                        ledger.record(request.operation(), request.path(), answer.status, answer.body, request.body());
                    }
                } catch (Exception | AssertionError e) {
                    failureKinds.computeIfAbsent("client-side " + e.getClass().getSimpleName(), k -> new LongAdder())
                            .increment();
                    failures.add("request " + number + " of seed " + SEED + " failed on the client side: " + e);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(15, TimeUnit.MINUTES)).as("requests finished").isTrue();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        // past the gateway's body limit (10 MB by default) the gateway itself refuses, with a problem
        byte[] oversize = ("{\"subject\":\"" + "A".repeat(11 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> tooLarge = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/cases"))
                .timeout(Duration.ofSeconds(60)).expectContinue(true)
                .header("Authorization", "Bearer " + tokens.get("province-hn"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(oversize)).build(), HttpResponse.BodyHandlers.ofByteArray());

        Map<String, Long> after = RecordCounts.count(db -> platform.postgres().jdbcUrl(db));
        Map<String, Long> created = new TreeMap<>();
        after.forEach((table, count) -> created.put(table, count - before.get(table)));
        Map<String, Long> expected = new TreeMap<>();
        after.keySet().forEach(table -> expected.put(table, ledger.created(table) + ids.ledger.created(table)));

        int removed = deleteSubscriptions();
        long total = statuses.values().stream().mapToLong(LongAdder::sum).sum();
        long fourXx = statuses.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500)
                .mapToLong(e -> e.getValue().sum()).sum();
        StringBuilder report = new StringBuilder("\n[hostile] seed ").append(SEED).append(": ").append(total)
                .append(" requests to ").append(operations.size()).append(" write operations in ").append(elapsedMs)
                .append(" ms with ").append(THREADS).append(" threads\n[hostile] requests per operation:\n");
        new TreeMap<>(perOperation).forEach((op, n) -> report.append(String.format("  %6d  %s%n", n.sum(), op)));
        report.append("[hostile] per mutation: sent, answered 2xx, 4xx; of those never valid: sent, refused\n");
        new TreeMap<>(perMutation).forEach((m, n) -> report.append(String.format(
                "  %-20s %6d sent %6d 2xx %6d 4xx   never valid: %6d sent %6d refused%n", m, n.sent.sum(),
                n.accepted.sum(), n.refused.sum(), n.neverValid.sum(), n.neverValidRefused.sum())));
        report.append("\n[hostile] status histogram: ");
        new TreeMap<>(statuses).forEach((s, n) -> report.append(s).append('=').append(n.sum()).append(' '));
        report.append("\n[hostile] 2xx by operation: ");
        new TreeMap<>(ledger.successes).forEach((s, n) -> report.append(s).append('=').append(n.sum()).append("; "));
        report.append("\n[hostile] 5xx: ").append(serverErrors.sum()).append("\n[hostile] problems valid: ")
                .append(problemsValid.sum()).append(" of ").append(fourXx).append(" 4xx (and ").append(codecRefusals.sum())
                .append(" bare 414 for request lines over ").append(CODEC_MAX_INITIAL_LINE)
                .append(" bytes, refused by the HTTP codec)\n[hostile] records created vs "
                        + "expected (seed records and 2xx creations):\n");
        created.forEach((table, n) -> report.append(String.format("  %-40s %6d / %6d%n", table, n,
                expected.get(table))));
        report.append("[hostile] sent again after a closed keep-alive connection: ").append(transportRetries.sum())
                .append('\n');
        report.append("[hostile] an 11 MB body: ").append(tooLarge.statusCode()).append(" problem from the gateway\n");
        report.append("[hostile] subscriptions of the run deleted afterwards: ").append(removed).append('\n');
        System.out.println(report);
        failures.stream().limit(25).forEach(f -> System.out.println("[hostile] FAILURE " + f));
        new TreeMap<>(failureKinds).forEach((kind, n) -> System.out.println("[hostile] failures " + n.sum() + " x "
                + kind));

        assertThat(failures.size()).as("5xx, invalid problems, never-valid requests accepted and client-side "
                + "failures (first: %s)",
                failures.isEmpty() ? "none" : failures.peek()).isZero();
        assertThat(total).isEqualTo(last - first);
        if (ONLY == null) {
            for (Mutations m : List.of(Mutations.MALFORMED_JSON, Mutations.INVALID_UTF8, Mutations.WRONG_CONTENT_TYPE,
                    Mutations.EMPTY_OR_SCALAR_BODY, Mutations.BAD_PATH_ID, Mutations.UNKNOWN_PATH_ID)) {
                MutationCounts n = perMutation.get(m.name());
                assertThat(n == null ? 0 : n.neverValid.sum()).as("never-valid requests of %s sent", m).isPositive();
            }
        }
        assertThat(tooLarge.statusCode()).as("an 11 MB body").isEqualTo(413);
        assertThat(ProblemDocuments.violation(413, tooLarge.headers().firstValue("Content-Type").orElse(null),
                tooLarge.body())).isNull();
        assertThat(created).as("rows created in the main tables = seed records + creations answered 2xx")
                .isEqualTo(expected);
    }

    /** Request {@code number}: the operation's valid body and path ids, then one mutation, all from its own seed. */
    HostileRequest build(WriteOperations.Operation op, long number, Map<String, LongFunction<JsonNode>> seeded,
            SeedIds ids) {
        long seed = SEED * 1_000_003L + number;
        Random random = Mutations.randomFor(seed);
        long unique = Math.floorMod(seed, 1_000_000_000L);
        JsonNode valid = null;
        if (op.hasBody()) {
            LongFunction<JsonNode> seedBody = seeded.get(op.key());
            valid = seedBody != null ? seedBody.apply(unique)
                    : SchemaBodies.valid(op, op.schema(), SeedRecords.PREFIX + "-" + unique, 0);
            ids.fill(valid);
        }
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (String param : op.pathParams()) {
            pathValues.put(param, ids.forPath(op.path(), random));
        }
        Mutations mutation = Mutations.draw(random, !op.pathParams().isEmpty());
        Mutations.Sent sent = mutation.apply(op, valid, pathValues, random);
        String path = op.path();
        for (Map.Entry<String, String> p : pathValues.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", encodeSegment(p.getValue()));
        }
        return new HostileRequest(seed, op.key(), mutation.name(), SeedRecords.role(op.key()), op.method(), path,
                sent.contentType(), sent.body(), mutation.neverValid(op, valid, sent));
    }

    /** The answers to one mutation; a request that can never be valid is refused when it gets a 4xx. */
    static final class MutationCounts {
        final LongAdder sent = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder neverValid = new LongAdder();
        final LongAdder neverValidRefused = new LongAdder();

        void count(HostileRequest request, int status) {
            sent.increment();
            if (status >= 200 && status < 300) {
                accepted.increment();
            } else if (status >= 400 && status < 500) {
                refused.increment();
            }
            if (request.neverValid()) {
                neverValid.increment();
                if (status >= 400 && status < 500) {
                    neverValidRefused.increment();
                }
            }
        }
    }

    record Answer(int status, String contentType, byte[] body) {
        JsonNode json() {
            try {
                return body.length == 0 ? WriteOperations.JSON.nullNode() : WriteOperations.JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + preview(), e);
            }
        }

        String preview() {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 400 ? text.substring(0, 400) + "..." : text;
        }
    }

    Answer send(HostileRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + request.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tokens.get(request.role()))
                .header("Accept", "application/json, application/problem+json")
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null && !request.contentType().isEmpty()) {
            b.header("Content-Type", request.contentType());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                throw e;
            }
            // a pooled keep-alive connection the server had closed: the JDK retries this only for idempotent methods;
            // once more, counted (a double creation would show in the record counts)
            transportRetries.increment();
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    /** A path id as sent: pre-encoded hostile ids (with %) go as they are, others are percent-encoded. */
    private static String encodeSegment(String value) {
        if (value.contains("%")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (byte c : value.getBytes(StandardCharsets.UTF_8)) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c & 0xFF));
            }
        }
        return out.toString();
    }

    String gateway() {
        return gateway;
    }

    HttpClient http() {
        return http;
    }

    Tokens tokens() {
        return tokens;
    }

    /** Tokens by account, fetched again before they expire (the run takes minutes). */
    static final class Tokens {
        private final Map<String, String> tokens = new ConcurrentHashMap<>();
        private final Map<String, Long> fetched = new ConcurrentHashMap<>();

        String get(String account) {
            long now = System.nanoTime();
            Long at = fetched.get(account);
            if (at == null || now - at > TimeUnit.SECONDS.toNanos(100)) {
                synchronized (this) {
                    at = fetched.get(account);
                    if (at == null || System.nanoTime() - at > TimeUnit.SECONDS.toNanos(100)) {
                        String token = account.startsWith("province-") || account.startsWith("partner-")
                                ? RunningPlatform.clientToken(account) : RunningPlatform.userToken(account);
                        tokens.put(account, token);
                        fetched.put(account, System.nanoTime());
                    }
                }
            }
            return tokens.get(account);
        }
    }

    /** What the 2xx answers say was created, by table. */
    static final class CreationLedger {
        /** Operation key → the table a 201 (a new record) of it adds one row to. */
        static final Map<String, String> CREATES = Map.ofEntries(
                Map.entry("POST /api/v1/cases", "complaints.citizen_case"),
                Map.entry("POST /api/v1/inspection-plans", "inspection.inspection_plan"),
                Map.entry("POST /api/v1/inspection-plans/{id}/inspections", "inspection.planned_inspection"),
                Map.entry("POST /api/v1/inspections", "inspection.inspection"),
                Map.entry("POST /api/v1/inspections/{id}/conclusion", "inspection.conclusion"),
                Map.entry("POST /api/v1/recommendations/{id}/payments", "inspection.recovery_payment"),
                Map.entry("POST /api/v1/declarants", "declarations.declarant"),
                Map.entry("POST /api/v1/declarants/{id}/reminders", "declarations.declaration_reminder"),
                Map.entry("POST /api/v1/declarations", "declarations.declaration"),
                Map.entry("POST /api/v1/declarations/{id}/verifications", "declarations.verification"),
                Map.entry("POST /api/v1/verification-plans", "declarations.verification_plan"),
                Map.entry("POST /api/v1/reports/publications", "reporting.report_snapshot"),
                Map.entry("POST /api/v1/subscriptions", "gateway.webhook_subscription"));

        private final Map<String, LongAdder> created = new ConcurrentHashMap<>();
        final Map<String, LongAdder> successes = new ConcurrentHashMap<>();

        /** Watchlist entries are kept per case, progress per case and month: a repeat updates the same row. */
        private final Set<String> watchlisted = ConcurrentHashMap.newKeySet();
        private final Set<String> progressed = ConcurrentHashMap.newKeySet();
        /** Items added by amendments, by plan path and natural key. */
        private final Set<String> amended = ConcurrentHashMap.newKeySet();
        /** Second-instance cases made by escalations (a replayed answer names the same one). */
        private final Set<String> secondInstances = ConcurrentHashMap.newKeySet();

        void record(String operation, String path, int status, byte[] body, byte[] sent) {
            successes.computeIfAbsent(operation + " " + status, k -> new LongAdder()).increment();
            if (operation.equals("POST /api/v1/cases/{id}/watchlist")) {
                if (watchlisted.add(path)) {
                    add("complaints.watchlist_entry", 1);
                }
                return;
            }
            if (operation.equals("POST /api/v1/cases/{id}/watchlist/progress")) {
                try {
                    if (progressed.add(path + " " + WriteOperations.JSON.readTree(sent).path("reportMonth").asText())) {
                        add("complaints.watchlist_progress", 1);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("progress accepted with an unreadable body", e);
                }
                return;
            }
            if (operation.equals("DELETE /api/v1/subscriptions/{id}")) {
                add("gateway.webhook_subscription", -1);
                return;
            }
            if (operation.equals("POST /api/v1/inspections/{id}/extensions")) {
                // an accepted extension answers 200 with the inspection and records one extension
                add("inspection.inspection_extension", 1);
                return;
            }
            if (operation.equals("POST /api/v1/inspection-plans/{id}/amendments")) {
                // (plan, entity, subject) is an item's natural key: an item already in the plan, a repeat within one
                // amendment or an entity code two requests coerce alike (42 and "42") adds nothing
                try {
                    for (JsonNode item : WriteOperations.JSON.readTree(sent).path("add")) {
                        if (amended.add(path + " " + item.path("entity").path("code").asText() + " "
                                + item.path("subject").asText().toUpperCase(java.util.Locale.ROOT))) {
                            add("inspection.planned_inspection", 1);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("an amendment accepted with an unreadable body", e);
                }
                return;
            }
            if (operation.equals("POST /api/v1/cases/{id}/escalate")) {
                // an escalation files the second-instance case, named in the answer
                try {
                    String second = WriteOperations.JSON.readTree(body).path("escalatedCaseId").asText("");
                    if (second.isEmpty()) {
                        throw new IllegalStateException("an escalation answered 2xx without its second instance");
                    }
                    if (secondInstances.add(second)) {
                        add("complaints.citizen_case", 1);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable escalation answer", e);
                }
                return;
            }
            if (operation.equals("POST /api/v1/cases/batch")) {
                try {
                    add("complaints.citizen_case", WriteOperations.JSON.readTree(body).path("created").asLong());
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable batch answer", e);
                }
                return;
            }
            String table = CREATES.get(operation);
            if (table != null && status == 201) {
                add(table, 1);
            }
        }

        void add(String table, long n) {
            created.computeIfAbsent(table, k -> new LongAdder()).add(n);
        }

        long created(String table) {
            LongAdder n = created.get(table);
            return n == null ? 0 : n.sum();
        }
    }

    /** Deletes the partner's subscriptions this suite made (valid ones among the hostile requests included). */
    private int deleteSubscriptions() {
        int removed = 0;
        for (JsonNode s : setup("partner-demo", "GET", "/api/v1/subscriptions", null, 200).json()) {
            if (s.path("callbackUrl").asText().contains("/hooks/" + SeedRecords.PREFIX)) {
                setup("partner-demo", "DELETE", "/api/v1/subscriptions/" + s.path("id").asText(), null, 204);
                removed++;
            }
        }
        return removed;
    }

    /** Sends one valid setup request, failing unless its status is one of those expected. */
    Answer setup(String role, String method, String path, JsonNode body, int... expectedStatuses) {
        try {
            HostileRequest request = new HostileRequest(0, method + " " + path, "SETUP", role, method, path,
                    body == null ? null : "application/json", body == null ? null
                            : WriteOperations.JSON.writeValueAsBytes(body), false);
            Answer answer = send(request);
            assertThat(expectedStatuses).as("%s %s: %d %s", method, path, answer.status, answer.preview())
                    .contains(answer.status);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

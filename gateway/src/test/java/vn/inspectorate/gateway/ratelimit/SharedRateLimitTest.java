package vn.inspectorate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import vn.inspectorate.gateway.StubServicesResource;
import vn.inspectorate.testsupport.KafkaResource;
import vn.inspectorate.testsupport.KeycloakResource;
import vn.inspectorate.testsupport.PostgresResource;

/**
 * Limits shared through the gateway's real database: two limiters on it, as two gateway instances would have, allow a
 * client's limit once in total; what one request costs there; and what happens when the database is down.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StubServicesResource.class, scope = TestResourceScope.GLOBAL)
class SharedRateLimitTest {

    private static final int CAPACITY = 5;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoGatewaysOnOneDatabaseAllowTheLimitOnceInTotal() {
        ClientRateLimiter first = limiter(Optional.of(dataSource));
        ClientRateLimiter second = limiter(Optional.of(dataSource));
        String route = "route-" + UUID.randomUUID();
        int allowed = 0;
        for (int i = 0; i < 4 * CAPACITY; i++) {
            RateLimitDecision decision = (i % 2 == 0 ? first : second).tryConsumeAnonymous(route, "198.51.100.1")
                    .orElseThrow();
            if (decision.allowed()) {
                allowed++;
            } else {
                assertThat(decision.retryAfterSeconds()).isPositive();
                assertThat(decision.headers()).containsEntry("RateLimit-Policy", "\"anonymous\";q=5;w=3600");
            }
        }
        assertThat(allowed).isEqualTo(CAPACITY);
        // each gateway alone, as before, would have allowed the capacity each
        ClientRateLimiter alone = limiter(Optional.empty());
        ClientRateLimiter another = limiter(Optional.empty());
        int allowedAlone = 0;
        for (int i = 0; i < 4 * CAPACITY; i++) {
            allowedAlone += (i % 2 == 0 ? alone : another).tryConsumeAnonymous(route, "198.51.100.1").orElseThrow()
                    .allowed() ? 1 : 0;
        }
        assertThat(allowedAlone).isEqualTo(2 * CAPACITY);
    }

    @Test
    void aCallerInsideItsOwnTransactionStillTakesFromTheSharedBucket() {
        // the partners' subscription resource takes its token inside the transaction of an idempotent write
        ClientRateLimiter first = limiter(Optional.of(dataSource));
        ClientRateLimiter second = limiter(Optional.of(dataSource));
        String route = "route-" + UUID.randomUUID();
        AtomicInteger allowed = new AtomicInteger();
        for (int i = 0; i < 3 * CAPACITY; i++) {
            ClientRateLimiter limiter = i % 2 == 0 ? first : second;
            QuarkusTransaction.requiringNew().run(() -> {
                if (limiter.tryConsumeAnonymous(route, "198.51.100.4").orElseThrow().allowed()) {
                    allowed.incrementAndGet();
                }
            });
        }
        assertThat(allowed.get()).isEqualTo(CAPACITY);
    }

    @Test
    void aLargeLimitIsSynchronisedAfterOnePercentOfItAndStillHoldsAcrossGateways() {
        AtomicInteger statements = new AtomicInteger();
        AtomicInteger commits = new AtomicInteger();
        // a province's size of limit: one instance takes 1 % of it (10 tokens) between two visits to the database
        ClientRateLimiter limiter = new ClientRateLimiter(config(Duration.ofSeconds(5), 1_000), new SimpleMeterRegistry(),
                Optional.of(counting(dataSource, statements, commits)));
        String route = "route-" + UUID.randomUUID();
        limiter.tryConsumeAnonymous(route, "198.51.100.2"); // the client's first request also inserts its row
        statements.set(0);
        commits.set(0);
        SQL.clear();
        int requests = 200;
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            assertThat(limiter.tryConsumeAnonymous(route, "198.51.100.2").orElseThrow().allowed()).isTrue();
        }
        double micros = (System.nanoTime() - started) / 1_000.0 / requests;
        System.out.println("shared rate limit statements: " + new java.util.LinkedHashSet<>(SQL));
        System.out.printf("shared rate limit: %.2f statements, %.2f transactions, %.0f µs per request (%d requests)%n",
                statements.get() / (double) requests, commits.get() / (double) requests, micros, requests);
        assertThat(commits.get()).isBetween(1, requests / 10 + 1);

        // two instances on the same bucket let through at most 1 % each above the limit
        ClientRateLimiter first = limiter(Optional.of(dataSource), 1_000);
        ClientRateLimiter second = limiter(Optional.of(dataSource), 1_000);
        String shared = "route-" + UUID.randomUUID();
        int allowed = 0;
        for (int i = 0; i < 1_200; i++) {
            allowed += (i % 2 == 0 ? first : second).tryConsumeAnonymous(shared, "198.51.100.5").orElseThrow()
                    .allowed() ? 1 : 0;
        }
        // (and what the hour refilled while the test ran: a token every 3.6 s)
        assertThat(allowed).isBetween(1_000, 1_025);
    }

    @Test
    void requestsArrivingTogetherForABucketWithoutStateAllTakeFromTheSharedBucket() throws Exception {
        // small buckets are synchronised on every request, large ones after 1 % of them: both batch what arrives while
        // a request is in flight. The bucket's row goes while they wait (as the clean-up removes a full one), so they
        // reach the database as one batch for a bucket that has no state.
        int together = 24;
        for (long capacity : new long[] {CAPACITY, 1_000}) {
            Gates gates = new Gates();
            ClientRateLimiter first = new ClientRateLimiter(config(Duration.ofSeconds(5), capacity),
                    new SimpleMeterRegistry(), Optional.of(gates.on(dataSource)));
            ClientRateLimiter second = limiter(Optional.of(dataSource), capacity);
            String route = "route-" + UUID.randomUUID();
            assertThat(first.tryConsumeAnonymous(route, "198.51.100.6").orElseThrow().allowed()).isTrue();
            Thread.sleep(BucketStore.MAX_UNSYNCHRONISED.toMillis() + 100); // a large bucket's next request is a visit
            Gate inFlight = gates.next();
            Gate batch = gates.next();
            ExecutorService requests = Executors.newFixedThreadPool(together + 1);
            try {
                Future<Boolean> lone = requests.submit(() -> take(first, route));
                assertThat(inFlight.reached().await(30, TimeUnit.SECONDS)).isTrue();
                List<Thread> queued = new CopyOnWriteArrayList<>();
                List<Future<Boolean>> waiting = new ArrayList<>();
                for (int i = 0; i < together; i++) {
                    waiting.add(requests.submit(() -> {
                        queued.add(Thread.currentThread());
                        return take(first, route);
                    }));
                }
                // every one of them waits behind the request in flight, so they reach the database as one batch
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (queued.size() < together
                        || queued.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    Thread.sleep(10);
                }
                inFlight.open().countDown();
                assertThat(lone.get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(batch.reached().await(30, TimeUnit.SECONDS)).isTrue();
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement delete = connection.prepareStatement(
                                "delete from rate_limit_bucket where id like ?")) {
                    delete.setString(1, "%|" + route + "|%"); // the route is this bucket's alone
                    assertThat(delete.executeUpdate()).isOne();
                }
                batch.open().countDown();
                long allowed = 0;
                for (Future<Boolean> answer : waiting) {
                    allowed += answer.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                // the bucket starts again full, as the clean-up's removal of a full one leaves it
                assertThat(allowed).as("capacity %d", capacity).isEqualTo(Math.min(capacity, together));
            } finally {
                requests.shutdownNow();
            }
            // the other gateway finds what they took in the shared bucket, not a full one: a request that fell back
            // to the first gateway's own memory would have left its token there
            long allowedAfter = 0;
            for (int i = 0; i < capacity; i++) {
                allowedAfter += take(second, route) ? 1 : 0;
            }
            long left = capacity - Math.min(capacity, together);
            // (and up to 1 % more that the first took without telling the database yet, and what the hour refilled)
            assertThat(allowedAfter).as("capacity %d", capacity).isBetween(left, left + capacity / 100 + 2);
        }
    }

    private static boolean take(ClientRateLimiter limiter, String route) {
        return limiter.tryConsumeAnonymous(route, "198.51.100.6").orElseThrow().allowed();
    }

    /** A gate on one connection: the test learns when a caller reached it, and lets the caller through. */
    private record Gate(CountDownLatch reached, CountDownLatch open) {
    }

    /** Connections that wait at the gates queued, one gate a connection, until the test opens each. */
    private static final class Gates {

        private final BlockingQueue<Gate> queued = new LinkedBlockingQueue<>();

        Gate next() {
            Gate gate = new Gate(new CountDownLatch(1), new CountDownLatch(1));
            queued.add(gate);
            return gate;
        }

        DataSource on(DataSource target) {
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        Gate gate = method.getName().equals("getConnection") ? queued.poll() : null;
                        if (gate != null) {
                            gate.reached().countDown();
                            assertThat(gate.open().await(30, TimeUnit.SECONDS)).isTrue();
                        }
                        return invoke(target, method, args);
                    });
        }
    }

    @Test
    void whileTheDatabaseIsDownEachGatewayLimitsAloneAndThenSharesAgain() throws Exception {
        PGSimpleDataSource down = new PGSimpleDataSource();
        try (ServerSocket free = new ServerSocket(0)) {
            down.setURL("jdbc:postgresql://127.0.0.1:" + free.getLocalPort() + "/gateway");
        }
        down.setConnectTimeout(1);
        ClientRateLimiter limiter = limiter(Optional.of(down));
        String route = "route-" + UUID.randomUUID();
        int allowed = 0;
        for (int i = 0; i < 3 * CAPACITY; i++) {
            allowed += limiter.tryConsumeAnonymous(route, "198.51.100.3").orElseThrow().allowed() ? 1 : 0;
        }
        // fails open to this instance's own bucket: neither every request refused nor every one let through
        assertThat(allowed).isEqualTo(CAPACITY);

        AtomicInteger failures = new AtomicInteger();
        DataSource flaky = flaky(dataSource, failures);
        ClientRateLimiter recovering = limiter(Optional.of(flaky), Duration.ofMillis(300));
        failures.set(1);
        recovering.tryConsumeAnonymous(route + "-2", "198.51.100.3");
        assertThat(failures.get()).isZero();
        Thread.sleep(400);
        ClientRateLimiter other = limiter(Optional.of(dataSource));
        // back on the shared bucket after the pause: the other gateway's requests count against it
        for (int i = 0; i < CAPACITY; i++) {
            other.tryConsumeAnonymous(route + "-2", "198.51.100.3");
        }
        assertThat(recovering.tryConsumeAnonymous(route + "-2", "198.51.100.3").orElseThrow().allowed()).isFalse();
    }

    private static ClientRateLimiter limiter(Optional<DataSource> dataSource) {
        return limiter(dataSource, Duration.ofSeconds(5));
    }

    private static ClientRateLimiter limiter(Optional<DataSource> dataSource, Duration sharedRetry) {
        return new ClientRateLimiter(config(sharedRetry, CAPACITY), new SimpleMeterRegistry(), dataSource);
    }

    private static ClientRateLimiter limiter(Optional<DataSource> dataSource, long capacity) {
        return new ClientRateLimiter(config(Duration.ofSeconds(5), capacity), new SimpleMeterRegistry(), dataSource);
    }

    private static RateLimitConfig config(Duration sharedRetry, long capacity) {
        RateLimitConfig.Limit limit = new FixedLimit(capacity, Duration.ofHours(1));
        return new RateLimitConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public boolean shared() {
                return true;
            }

            @Override
            public Duration sharedRetry() {
                return sharedRetry;
            }

            @Override
            public List<String> precedence() {
                return List.of();
            }

            @Override
            public Map<String, Limit> roles() {
                return Map.of();
            }

            @Override
            public Limit fallback() {
                return limit;
            }

            @Override
            public Limit anonymous() {
                return limit;
            }

            @Override
            public Optional<List<String>> trustedProxies() {
                return Optional.empty();
            }
        };
    }

    /** A named class: the limit's methods carry constraints, which an anonymous class may not implement. */
    private record FixedLimit(long capacity, Duration period) implements RateLimitConfig.Limit {
    }

    /** {@code target}, counting the statements prepared and the transactions committed on its connections. */
    private static final List<String> SQL = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static DataSource counting(DataSource target, AtomicInteger statements, AtomicInteger commits) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                                    statements.incrementAndGet();
                                    SQL.add(a == null || a.length == 0 ? m.getName() : String.valueOf(a[0]));
                                } else if (m.getName().equals("commit")) {
                                    commits.incrementAndGet();
                                }
                                return invoke(connection, m, a);
                            });
                });
    }

    /** {@code target}, failing {@code failures} times to give a connection first. */
    private static DataSource flaky(DataSource target, AtomicInteger failures) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new java.sql.SQLException("connection refused (test)");
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

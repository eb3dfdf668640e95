package vn.inspectorate.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.inspectorate.platform.problem.Problem;

/** Idempotency-Key on a real transactional POST against PostgreSQL. */
@QuarkusTest
class IdempotencyKeysTest {

    @Inject
    EntityManager em;

    private static Response send(String key, String name) {
        var request = given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}");
        if (key != null) {
            request.header(IdempotencyKeys.HEADER, key);
        }
        return request.when().post("/probe/idempotent").andReturn();
    }

    private long rows(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from test_probe where name = ?1").setParameter(1, name)
                .getSingleResult()).longValue());
    }

    @Test
    void sameKeySameBodyReplaysTheFirstResponseAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String name = "replay-" + key;

        Response first = send(key, name);
        Response second = send(key, name);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.header(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(second.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id")).isNotBlank();
        assertThat(second.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(rows(name)).isEqualTo(1);
    }

    @Test
    void sameKeyOtherBodyIs422AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String name = "reuse-" + key;

        assertThat(send(key, name).statusCode()).isEqualTo(201);
        Response reused = send(key, name + "-other");

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(reused.jsonPath().getInt("status")).isEqualTo(422);
        assertThat(reused.jsonPath().getString("errors[0].field")).isEqualTo(IdempotencyKeys.HEADER);
        assertThat(rows(name)).isEqualTo(1);
        assertThat(rows(name + "-other")).isZero();
    }

    @Test
    void differentKeysCreateTwice() {
        String name = "two-" + UUID.randomUUID();
        Response a = send(UUID.randomUUID().toString(), name);
        Response b = send(UUID.randomUUID().toString(), name);
        assertThat(a.statusCode()).isEqualTo(201);
        assertThat(b.statusCode()).isEqualTo(201);
        assertThat(b.jsonPath().getString("id")).isNotEqualTo(a.jsonPath().getString("id"));
        assertThat(rows(name)).isEqualTo(2);
    }

    @Test
    void aWriteRefusedAfterWritingLeavesNothingAndFreesTheKey() {
        String key = UUID.randomUUID().toString();
        String refused = "refused-" + key;
        String name = "after-refusal-" + key;

        Response first = send(key, refused);
        Response second = send(key, name);

        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(rows(refused)).isZero();
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(rows(name)).isEqualTo(1);
    }

    @Test
    void tooLongKeyIs400AndCreatesNothing() {
        String name = "long-" + UUID.randomUUID();
        Response r = send("k".repeat(300), name);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(r.jsonPath().getString("errors[0].field")).isEqualTo(IdempotencyKeys.HEADER);
        assertThat(rows(name)).isZero();
    }

    @Test
    void keyWithSpaceIs400() {
        assertThat(send("has space", "space-" + UUID.randomUUID()).statusCode()).isEqualTo(400);
    }

    @Test
    void concurrentRequestsWithTheSameKeyCreateOnceAndAgreeOnTheId() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "race-" + key;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Response>> calls = List.of(
                    CompletableFuture.supplyAsync(() -> awaitThenSend(start, key, name), pool),
                    CompletableFuture.supplyAsync(() -> awaitThenSend(start, key, name), pool));
            start.countDown();
            Response a = calls.get(0).get(30, TimeUnit.SECONDS);
            Response b = calls.get(1).get(30, TimeUnit.SECONDS);

            assertThat(a.statusCode()).isEqualTo(201);
            assertThat(b.statusCode()).isEqualTo(201);
            assertThat(a.jsonPath().getString("id")).isNotBlank().isEqualTo(b.jsonPath().getString("id"));
            assertThat(rows(name)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response awaitThenSend(CountDownLatch start, String key, String name) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return send(key, name);
    }
}

package vn.inspectorate.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import vn.inspectorate.platform.crypto.Sha256;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * {@code Idempotency-Key} for POSTs. The key is claimed, the write runs and its response is stored, all in the caller's
 * transaction: a retry with the same key and the same body gets the first response back and creates nothing; the same
 * key with another body is a 422. A concurrent retry waits on the first one's row lock and then replays it. A write
 * that fails stores nothing, so it may be retried.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private final EntityManager em;
    private final ObjectMapper canonical;
    private final ObjectMapper mapper;
    private final long retentionHours;

    IdempotencyKeys(EntityManager em, ObjectMapper mapper, IdempotencyConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.canonical = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
        this.retentionHours = config.retentionHours();
    }

    /**
     * Runs {@code write} once per ({@code scope}, {@code key}); {@code scope} names the caller and the operation
     * (e.g. {@code "client-id POST /api/v1/cases"}). Without a key the write simply runs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String scope, String key, Object requestBody, Supplier<Response> write) {
        if (key == null) {
            return write.get();
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ProblemException(Problem.keyed(400, "invalid-request", "problem.idempotency-key.invalid")
                    .withErrors(List.of(Problem.FieldError.of(HEADER, "problem.idempotency-key.invalid-error"))));
        }
        String hash = hash(requestBody);
        int claimed = em.createNativeQuery("""
                insert into platform_idempotency (scope, idempotency_key, request_hash) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash).executeUpdate();
        if (claimed == 0) {
            return replay(scope, key, hash);
        }
        Response response = write.get();
        em.createNativeQuery("""
                update platform_idempotency set status = ?1, response_body = ?2
                where scope = ?3 and idempotency_key = ?4""")
                .setParameter(1, response.getStatus()).setParameter(2, body(response))
                .setParameter(3, scope).setParameter(4, key).executeUpdate();
        return response;
    }

    private Response replay(String scope, String key, String hash) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select request_hash, status, response_body from platform_idempotency
                where scope = ?1 and idempotency_key = ?2""")
                .setParameter(1, scope).setParameter(2, key).getSingleResult();
        if (!hash.equals(row[0])) {
            throw new ProblemException(Problem.keyed(422, "idempotency-key-reused",
                    "problem.idempotency-key-reused.detail").withErrors(List.of(Problem.FieldError.of(HEADER,
                    "problem.idempotency-key-reused.error"))));
        }
        try {
            JsonNode body = row[2] == null ? null : mapper.readTree((String) row[2]);
            return Response.status(((Number) row[1]).intValue()).entity(body).header(REPLAYED_HEADER, "true").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response is not JSON", e);
        }
    }

    private String body(Response response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored for idempotent replay", e);
        }
    }

    private String hash(Object requestBody) {
        try {
            byte[] json = canonical.writeValueAsBytes(canonical.valueToTree(requestBody));
            return HexFormat.of().formatHex(Sha256.of(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request cannot be hashed", e);
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldKeys() {
        em.createNativeQuery("delete from platform_idempotency where created_at < now() - make_interval(hours => ?1)")
                .setParameter(1, (int) retentionHours).executeUpdate();
    }
}

package vn.inspectorate.complaints.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import vn.inspectorate.platform.crypto.AesGcm;
import vn.inspectorate.platform.sql.Sql;

/**
 * Stores identity apart from the case, encrypted with AES-GCM (the case id is the associated data, so a ciphertext
 * cannot be moved to another case), and derives a keyed hash (HMAC-SHA256) that finds the same person across cases
 * without revealing them.
 */
@ApplicationScoped
public class IdentityVault {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Sql sql;
    private final ObjectMapper mapper;
    private final SecretKey encryptionKey;
    /** A keyed hash computes one value at a time and resets itself; each thread keeps one ready. */
    private final ThreadLocal<Mac> hmacs;
    private final String keyId;

    IdentityVault(Sql sql, ObjectMapper mapper, IdentityConfig config) {
        this.sql = sql;
        this.mapper = mapper;
        this.encryptionKey = AesGcm.key(config.encryptionKey(), "inspectorate.identity.encryption-key");
        byte[] mac = Base64.getDecoder().decode(config.hashKey());
        if (mac.length < 32) {
            throw new IllegalStateException("inspectorate.identity.hash-key must be at least 32 bytes in base64");
        }
        SecretKeySpec hashKey = new SecretKeySpec(mac, "HmacSHA256");
        this.hmacs = ThreadLocal.withInitial(() -> {
            try {
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(hashKey);
                return hmac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("identity hash is not available", e);
            }
        });
        this.keyId = config.keyId();
    }

    /** The keyed hash of a person: by id number when given, else by name and address; empty when anonymous. */
    public Optional<String> hashOf(PartyIdentity person) {
        if (person == null) {
            return Optional.empty();
        }
        String basis = person.idNumber() != null && !person.idNumber().isBlank()
                ? "id:" + normalize(person.idNumber())
                : "name:" + normalize(person.fullName()) + "|" + normalize(person.address());
        return Optional.of(HexFormat.of().formatHex(hmacs.get().doFinal(basis.getBytes(StandardCharsets.UTF_8))));
    }

    /** The encrypted identity of a case and its keyed hash, to be stored; empty for an anonymous case. */
    public Optional<Sealed> seal(UUID caseId, CaseIdentity identity) {
        if (identity == null || identity.complainant() == null) {
            return Optional.empty();
        }
        return Optional.of(new Sealed(caseId, encrypt(caseId, identity), hashOf(identity.complainant()).orElseThrow()));
    }

    /** Stores sealed identities with one batched statement (a batch of cases). */
    public void storeAll(List<Sealed> identities, Sql.Pipeline writes) {
        if (identities.isEmpty()) {
            return;
        }
        writes.update("""
                insert into case_identity (case_id, key_id, ciphertext, identity_hash)
                select i.case_id, ?, i.ciphertext, i.identity_hash
                from unnest(?::uuid[], ?::bytea[], ?::text[]) as i(case_id, ciphertext, identity_hash)""",
                List.of(keyId, new Sql.ArrayOf("uuid", identities.stream().map(Sealed::caseId).toList()),
                        new Sql.ArrayOf("bytea", identities.stream().map(Sealed::ciphertext).toList()),
                        new Sql.ArrayOf("text", identities.stream().map(Sealed::hash).toList())));
    }

    /** What is stored of a person: never the clear text. */
    public record Sealed(UUID caseId, byte[] ciphertext, String hash) {
    }

    public Optional<CaseIdentity> load(UUID caseId) {
        return sql.queryFirst("select ciphertext from case_identity where case_id = ?", List.of(caseId),
                rs -> rs.getBytes(1)).map(stored -> decrypt(caseId, stored));
    }

    public Optional<String> hashOfCase(UUID caseId) {
        return sql.queryFirst("select identity_hash from case_identity where case_id = ?", List.of(caseId),
                rs -> rs.getString(1));
    }

    byte[] encrypt(UUID caseId, CaseIdentity identity) {
        try {
            return AesGcm.seal(encryptionKey, mapper.writeValueAsBytes(identity), aad(caseId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("identity encryption failed", e);
        }
    }

    CaseIdentity decrypt(UUID caseId, byte[] stored) {
        try {
            return mapper.readValue(AesGcm.open(encryptionKey, stored, aad(caseId)), CaseIdentity.class);
        } catch (IOException e) {
            throw new IllegalStateException("identity of a case cannot be decrypted", e);
        }
    }

    private static byte[] aad(UUID caseId) {
        return caseId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ").trim();
    }
}

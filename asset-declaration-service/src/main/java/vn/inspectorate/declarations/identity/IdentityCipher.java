package vn.inspectorate.declarations.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import vn.inspectorate.platform.crypto.AesGcm;

/**
 * Encrypts personal identifiers at rest with AES-256-GCM (random 96-bit nonce per value, stored with the ciphertext)
 * and derives a keyed HMAC-SHA256 "blind index" so a citizen id can be matched without being stored readable.
 */
@ApplicationScoped
public class IdentityCipher {

    private static final String FORMAT = "v1:";

    private final SecretKey key;
    private final SecretKeySpec indexKey;

    IdentityCipher(IdentityConfig config) {
        this.key = AesGcm.key(config.key(), "inspectorate.identity.key");
        this.indexKey = new SecretKeySpec(Base64.getDecoder().decode(config.indexKey()), "HmacSHA256");
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        return FORMAT + Base64.getEncoder().encodeToString(AesGcm.seal(key, plain.getBytes(StandardCharsets.UTF_8), null));
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(FORMAT)) {
            throw new IllegalStateException("unknown ciphertext format");
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
        return new String(AesGcm.open(key, sealed, null), StandardCharsets.UTF_8);
    }

    /** Deterministic keyed digest of a normalised identifier, for uniqueness without plaintext. */
    public String blindIndex(String identifier) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            String normalised = identifier.strip().toUpperCase(java.util.Locale.ROOT);
            return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("index digest failed", e);
        }
    }
}

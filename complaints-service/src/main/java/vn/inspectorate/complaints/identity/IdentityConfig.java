package vn.inspectorate.complaints.identity;

import io.smallrye.config.ConfigMapping;

/**
 * Keys protecting complainant and denouncer identity. Production takes them from the environment
 * ({@code INSPECTORATE_IDENTITY_ENCRYPTION_KEY}, {@code INSPECTORATE_IDENTITY_HASH_KEY}); the service does not start
 * without them.
 */
@ConfigMapping(prefix = "inspectorate.identity")
public interface IdentityConfig {

    /** AES-256 key, base64 (32 bytes). */
    String encryptionKey();

    /** HMAC-SHA256 key for the duplicate-detection hash, base64 (at least 32 bytes). */
    String hashKey();

    /** Name of the encryption key, stored with each ciphertext so keys can be rotated. */
    String keyId();
}

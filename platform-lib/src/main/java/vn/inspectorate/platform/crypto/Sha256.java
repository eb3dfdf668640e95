package vn.inspectorate.platform.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 digests for the values hashed on every request (token cache keys, idempotent request bodies, cursor seals).
 * Finding a digest is a search of the security providers, so each thread keeps one and resets it before each use.
 */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    /** The digest of {@code bytes}. */
    public static byte[] of(byte[] bytes) {
        MessageDigest digest = reset();
        return digest.digest(bytes);
    }

    /** The digest of the given parts, fed one after the other. */
    public static byte[] of(byte[]... parts) {
        MessageDigest digest = reset();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static MessageDigest reset() {
        MessageDigest digest = DIGESTS.get();
        // a digest left half-fed by an exception in a caller must not leak into the next value
        digest.reset();
        return digest;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

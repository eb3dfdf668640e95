package vn.inspectorate.gateway.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import vn.inspectorate.platform.crypto.AesGcm;

/**
 * Signing secrets are needed in clear to compute HMACs, so they are stored encrypted (AES-GCM) under a key from
 * configuration rather than hashed.
 */
@ApplicationScoped
public class SecretCipher {

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(WebhookConfig config) {
        this.key = AesGcm.key(config.secretKey(), "inspectorate.gateway.webhooks.secret-key");
    }

    /** A new random signing secret, as handed to the partner. */
    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String encrypt(String secret) {
        return Base64.getEncoder().encodeToString(AesGcm.seal(key, secret.getBytes(StandardCharsets.UTF_8), null));
    }

    public String decrypt(String stored) {
        return new String(AesGcm.open(key, Base64.getDecoder().decode(stored), null), StandardCharsets.UTF_8);
    }
}

package vn.inspectorate.dashboard.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A form's CSRF token: an HMAC of the signed-in user's session under the application's key, sent in a hidden field
 * and checked on every POST. Another site can neither read nor guess it; it needs no state of its own. The key comes
 * from {@code inspectorate.dashboard.csrf-key} (base64, shared by replicas), or is drawn at start for a single one.
 */
@ApplicationScoped
public class Csrf {

    public static final String FIELD = "csrf-token";

    private final byte[] key;

    Csrf(@ConfigProperty(name = "inspectorate.dashboard.csrf-key") Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            key = Base64.getDecoder().decode(configured.get().trim());
        } else {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
    }

    /** The token of the current session. */
    public String token(SecurityIdentity identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String session = identity.getPrincipal().getName() + "|" + sessionOf(identity);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a submitted token is the session's (compared in constant time). */
    public boolean valid(SecurityIdentity identity, String submitted) {
        return submitted != null && MessageDigest.isEqual(token(identity).getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8));
    }

    private static String sessionOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt) {
            Object sid = jwt.getClaim("sid");
            return sid == null ? String.valueOf(jwt.getIssuedAtTime()) : sid.toString();
        }
        return "";
    }
}

package vn.inspectorate.gateway.subscriptions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a partner verifies: {@code sha256=} and the hex HMAC-SHA256, keyed with the subscription's secret,
 * of {@code <timestamp>.<body>}, where the timestamp (Unix seconds) is sent in its own header so that a receiver can
 * refuse old replays.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Inspectorate-Signature";
    public static final String TIMESTAMP_HEADER = "X-Inspectorate-Timestamp";
    public static final String DELIVERY_HEADER = "X-Inspectorate-Delivery";
    public static final String SUBSCRIPTION_HEADER = "X-Inspectorate-Subscription";

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private WebhookSignature() {
    }
}

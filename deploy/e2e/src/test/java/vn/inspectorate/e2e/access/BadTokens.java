package vn.inspectorate.e2e.access;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.inspectorate.deploy.Platform;
import vn.inspectorate.e2e.RunningPlatform;

/**
 * Tokens the platform must refuse: expired, issued by another realm of the same Keycloak, re-signed by a key that is
 * not the realm's (same issuer, kid and claims), and unsigned.
 */
final class BadTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    /** The realm client whose tokens live two seconds (deploy/keycloak/inspectorate-realm.json). */
    static final String SHORT_LIVED_CLIENT = "province-hn-short";

    private BadTokens() {
    }

    /** Every kind of refused token by name; computed once (the expired one takes a few seconds to expire). */
    static Map<String, String> all() {
        Platform platform = RunningPlatform.get();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired token", expired(platform));
        tokens.put("token of another realm", otherRealm(platform));
        tokens.put("token signed by another key", resigned(Principal.PROVINCE_HN.token()));
        tokens.put("unsigned token", unsigned(Principal.PROVINCE_HN.token()));
        return tokens;
    }

    /**
     * A real token of the short-lived client, shown to work while it lives (when the machine answers within its two
     * seconds), then used once its {@code exp} has passed: the gateway answers 401 only because of the time.
     */
    static String expired(Platform platform) {
        String token = RunningPlatform.clientToken(SHORT_LIVED_CLIENT);
        long exp = JSON.convertValue(claims(token).get("exp"), Long.class);
        long iat = JSON.convertValue(claims(token).get("iat"), Long.class);
        if (exp - iat > 10) {
            throw new AssertionError("the short-lived client issues tokens for " + (exp - iat) + " s");
        }
        // a call answered before exp was checked while the token was alive: it must have been let through
        int first = given().auth().oauth2(token).get(platform.gatewayUrl() + "/api/v1/cases").statusCode();
        if (System.currentTimeMillis() < exp * 1000 && first != 200) {
            throw new AssertionError("the token of " + SHORT_LIVED_CLIENT + " was refused (" + first
                    + ") while still valid: the 401 below would prove nothing about expiry");
        }
        // wait (by polling the gateway) until the token is refused, at most a minute: its life is seconds
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status;
        do {
            status = given().auth().oauth2(token).get(platform.gatewayUrl() + "/api/v1/cases").statusCode();
        } while (status != 401 && System.nanoTime() < deadline && pause());
        if (status != 401 || System.currentTimeMillis() / 1000 < exp) {
            throw new AssertionError("the token of " + SHORT_LIVED_CLIENT + " was still accepted after its exp " + exp
                    + " (last status " + status + ")");
        }
        return token;
    }

    /** A genuine token of Keycloak's {@code master} realm (the admin console's user). */
    static String otherRealm(Platform platform) {
        return given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", "admin").formParam("password", "admin")
                .post(platform.keycloak().baseUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The same header (alg, kid) and claims as {@code genuine}, signed with a fresh RSA key. */
    static String resigned(String genuine) {
        String[] parts = genuine.split("\\.");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair key = generator.generateKeyPair();
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.getPrivate());
            String signed = parts[0] + "." + parts[1];
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + B64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The genuine claims under {@code alg: none} and no signature. */
    static String unsigned(String genuine) {
        String[] parts = genuine.split("\\.");
        try {
            ObjectNode header = (ObjectNode) JSON.readTree(B64URL_DECODER.decode(parts[0]));
            header.put("alg", "none");
            return B64URL.encodeToString(JSON.writeValueAsBytes(header)) + "." + parts[1] + ".";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> claims(String token) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = JSON.readValue(B64URL_DECODER.decode(token.split("\\.")[1]), Map.class);
            return claims;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(250);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

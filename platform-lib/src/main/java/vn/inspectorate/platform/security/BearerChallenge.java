package vn.inspectorate.platform.security;

import org.jose4j.jwt.consumer.InvalidJwtException;
import vn.inspectorate.platform.Causes;

/**
 * {@code WWW-Authenticate} values of RFC 6750 (section 3): a bare {@code Bearer} challenge when no token was sent,
 * {@code invalid_token} for a token that is malformed, expired or not signed by the realm, and
 * {@code insufficient_scope} when the token is good but its roles do not allow the request.
 */
public final class BearerChallenge {

    public static final String HEADER = "WWW-Authenticate";
    public static final String MISSING = "Bearer";

    private BearerChallenge() {
    }

    /** The challenge for a refused request, given its {@code Authorization} header (null when absent). */
    public static String forUnauthenticated(String authorization, String invalidDescription) {
        return sentBearerToken(authorization) ? invalidToken(invalidDescription) : MISSING;
    }

    /** What was wrong with a refused token, as far as the client may be told. */
    public static String describe(Throwable failure) {
        boolean expired = failure != null && Causes.find(failure, InvalidJwtException.class)
                .map(InvalidJwtException::hasExpired).orElse(false);
        return expired ? "The access token has expired."
                : "The access token is malformed, not yet valid, or not signed by the inspectorate realm.";
    }

    public static String invalidToken(String description) {
        return "Bearer error=\"invalid_token\", error_description=\"" + quotable(description) + "\"";
    }

    public static String insufficientScope(String description) {
        return "Bearer error=\"insufficient_scope\", error_description=\"" + quotable(description) + "\"";
    }

    /** Whether the request carried a bearer token at all (an empty one counts as sent and invalid). */
    public static boolean sentBearerToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6);
    }

    /** error_description allows printable ASCII except the double quote and backslash (RFC 6750 3). */
    private static String quotable(String text) {
        return text.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "'");
    }
}

package vn.inspectorate.platform.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import vn.inspectorate.platform.crypto.Sha256;

/**
 * The {@code after} token: the sort key of the last item a page showed, bound to the list's query and sealed with a
 * digest so that a token edited by hand, cut short or used with other filters is refused instead of read as another
 * position. It carries no secret and grants nothing: every page re-applies the caller's scope and filters.
 */
final class Cursor {

    /** Stands for a key value the item does not have (a sort on a column that may be empty). */
    static final String NULL = "\u0000";
    private static final char SEPARATOR = '\u001f';
    private static final String VERSION = "1";
    private static final int DIGEST_BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursor() {
    }

    static String encode(String query, List<String> key) {
        StringBuilder body = new StringBuilder(VERSION);
        for (String value : key) {
            String v = value == null ? NULL : value;
            if (v.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("A sort key value may not hold the unit separator");
            }
            body.append(SEPARATOR).append(v);
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(digest(query, bytes));
    }

    /** The key values of {@code token}, or null when it is not a token of {@code query} with {@code keys} values. */
    static List<String> decode(String token, String query, int keys) {
        int dot = token.indexOf('.');
        if (token.length() > 2048 || dot < 0) {
            return null;
        }
        byte[] body;
        byte[] seal;
        try {
            body = DECODER.decode(token.substring(0, dot));
            seal = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!MessageDigest.isEqual(seal, digest(query, body))) {
            return null;
        }
        List<String> parts = new ArrayList<>(Arrays.asList(new String(body, StandardCharsets.UTF_8)
                .split(String.valueOf(SEPARATOR), -1)));
        if (!VERSION.equals(parts.remove(0)) || parts.size() != keys) {
            return null;
        }
        return parts;
    }

    private static byte[] digest(String query, byte[] body) {
        return Arrays.copyOf(Sha256.of(query.getBytes(StandardCharsets.UTF_8), new byte[] {0}, body), DIGEST_BYTES);
    }
}

package vn.inspectorate.platform.json;

import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * What the JSON reader lets through but no operation may accept: bytes that are not UTF-8 (RFC 8259 §8.1; the reader
 * would store replacement characters in their place), and a body that is missing, a scalar or {@code null} where the
 * operation takes an object (every request body the services publish is a required object). Both are a 400
 * {@code malformed-body} before any resource runs. {@link JsonBodyReader} applies it to every JSON body Jackson reads,
 * which is every request body the services take; a body taken as text, bytes or a stream would be read by another
 * reader, unchecked.
 */
final class JsonBodyCheck {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** The decoded text is only looked at for errors, so it goes through a small buffer, not one the body's size. */
    private static final int DECODED_CHUNK = 4096;

    private JsonBodyCheck() {
    }

    /** The body read whole, once it has passed the checks for a body read as {@code type}. */
    static byte[] checked(InputStream in, Class<?> type) throws IOException {
        byte[] body = in.readAllBytes();
        int start = startsWith(body, BOM) ? BOM.length : 0;
        requireUtf8(body, start);
        if (takesObject(type)) {
            int first = firstNonWhitespace(body, start);
            if (first < 0) {
                throw malformed("problem.malformed-body.missing");
            }
            if (body[first] != '{') {
                throw malformed("problem.malformed-body.not-an-object");
            }
        }
        return body;
    }

    /** {@code application/json} or a {@code +json} type: the bodies {@link JsonBodyPrefetch} reads ahead. */
    static boolean json(MediaType type) {
        return type != null && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private static void requireUtf8(byte[] body, int start) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer chars = CharBuffer.allocate(Math.min(DECODED_CHUNK, Math.max(1, body.length)));
        CoderResult result;
        do {
            chars.clear();
            result = strict.decode(bytes, chars, true);
        } while (result.isOverflow());
        if (result.isUnderflow()) {
            do {
                chars.clear();
                result = strict.flush(chars);
            } while (result.isOverflow());
        }
        if (result.isError()) {
            throw malformed("problem.malformed-body.not-utf8", String.valueOf(bytes.position()));
        }
    }

    /** Not a collection, map, array, number, boolean, untyped value or JSON tree: those are read as they come. */
    private static boolean takesObject(Class<?> type) {
        return !(type.isArray() || type.isPrimitive() || Collection.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type) || type == Boolean.class
                || type == Object.class || type.getName().startsWith("com.fasterxml.jackson."));
    }

    private static int firstNonWhitespace(byte[] body, int from) {
        for (int i = from; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException malformed(String detailKey, Object... args) {
        return ProblemException.keyed(400, "malformed-body", detailKey, args);
    }
}

package vn.inspectorate.platform.json;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import vn.inspectorate.platform.problem.Problem;
import vn.inspectorate.platform.problem.ProblemException;

/**
 * What the JSON reader lets through but no operation may accept: bytes that are not UTF-8 (RFC 8259 §8.1; the reader
 * would store replacement characters in their place), and a body that is missing, a scalar or {@code null} where the
 * operation takes an object (every request body the services publish is a required object). Both are a 400
 * {@code malformed-body} before any resource runs.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!json(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        int start = startsWith(body, BOM) ? BOM.length : 0;
        requireUtf8(body, start);
        if (takesObject(context.getType())) {
            int first = firstNonWhitespace(body, start);
            if (first < 0) {
                throw malformed("problem.malformed-body.missing");
            }
            if (body[first] != '{') {
                throw malformed("problem.malformed-body.not-an-object");
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** {@code application/json} or a {@code +json} type: the bodies this check and {@link JsonBodyPrefetch} read. */
    static boolean json(MediaType type) {
        return type != null && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private static void requireUtf8(byte[] body, int start) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body, start, body.length - start);
        try {
            strict.decode(bytes);
        } catch (CharacterCodingException e) {
            throw malformed("problem.malformed-body.not-utf8", String.valueOf(bytes.position()));
        }
    }

    /** A record or bean: not a collection, map, array, text or tree the operation reads as it is. */
    private static boolean takesObject(Class<?> type) {
        return !(type.isArray() || type.isPrimitive() || Collection.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type) || CharSequence.class.isAssignableFrom(type)
                || Number.class.isAssignableFrom(type) || type == Boolean.class || type == Object.class
                || type.getName().startsWith("com.fasterxml.jackson.") || type.getName().startsWith("io.vertx.")
                || type.getName().startsWith("java.io."));
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

package vn.inspectorate.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.resteasy.reactive.jackson.runtime.serialisers.ServerJacksonMessageBodyReader;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * The services' reader of JSON request bodies: Quarkus REST's Jackson reader, after {@link JsonBodyCheck}. The check
 * sits in the reader rather than in a reader interceptor because Quarkus REST, once any reader interceptor exists,
 * parses the operation's parameter annotations anew on every request to hand them to it; a reader that needs none is
 * called without them. An application's reader is chosen before the built-in one for the same type and media type.
 * Requests only: what a client of the platform reads is not a request body.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader extends ServerJacksonMessageBodyReader {

    @Inject
    public JsonBodyReader(Instance<ObjectMapper> mapper) {
        super(mapper);
    }

    /** Quarkus REST's own call, without annotations: checked and read as below. */
    @Override
    public Object readFrom(Class<Object> type, Type genericType, MediaType mediaType, ServerRequestContext context)
            throws IOException {
        return readFrom(type, genericType, null, mediaType, null, context.getInputStream());
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream entityStream) throws IOException {
        return super.readFrom(type, genericType, annotations, mediaType, headers,
                new ByteArrayInputStream(JsonBodyCheck.checked(entityStream, type)));
    }
}

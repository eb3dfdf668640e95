package vn.inspectorate.platform.json;

import io.quarkus.runtime.ExecutorRecorder;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.handlers.InputHandler;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Reads a small JSON request body on the I/O thread, before the operation's worker thread takes the request, as
 * Quarkus REST does for operations that do not block. Without it a blocking operation's worker reads the body itself,
 * waiting for the I/O thread to hand it over chunk by chunk: a wait and a wake-up of two threads for every write. A
 * body larger than {@link #PREFETCHED} (a batch) is read as it streams, as before, with the body limit counted the same
 * way. Only JSON: a form is read by its own handler, which must find the body unread.
 */
public class JsonBodyPrefetch {

    /** A single case or step is one or two KiB; a batch goes on streaming past this. */
    static final long PREFETCHED = 16 * 1024;

    private final InputHandler input;

    JsonBodyPrefetch(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        long limit = maxBodySize.map(MemorySize::asLongValue).filter(max -> max >= 0).orElse(Long.MAX_VALUE);
        this.input = new InputHandler(Math.min(PREFETCHED, limit), ExecutorRecorder::getCurrent);
    }

    /** Quarkus REST runs a filter on the I/O thread only ahead of every filter that may block. */
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHENTICATION - 100)
    public void prefetch(ResteasyReactiveContainerRequestContext request) throws Exception {
        if (json(request) && request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context) {
            // suspends the request until the body is in, then resumes it towards the worker thread
            input.handle(context);
        }
    }

    private static boolean json(ResteasyReactiveContainerRequestContext request) {
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (RuntimeException e) {
            return false; // a Content-Type that does not parse is answered later, as without this filter
        }
        return JsonBodyCheck.json(type);
    }
}

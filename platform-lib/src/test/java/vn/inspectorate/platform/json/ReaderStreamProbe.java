package vn.inspectorate.platform.json;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/** Test only: notes what kind of stream a request body reaches the readers in, ahead of every other interceptor. */
@Provider
@Priority(1)
public class ReaderStreamProbe implements ReaderInterceptor {

    static final AtomicReference<String> LAST = new AtomicReference<>();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        LAST.set(context.getInputStream().getClass().getSimpleName());
        return context.proceed();
    }
}

package vn.inspectorate.platform.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.inspectorate.platform.security.CallerScope;

/**
 * Runs an {@link Idempotent} endpoint: opens its transaction (or joins the caller's), claims the key in it and stores
 * the response with the write, so the key, the records and their events commit or roll back together.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class IdempotentWrite {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);

    @Inject
    IdempotencyKeys keys;
    @Inject
    CallerScope caller;
    @Inject
    UriInfo uri;
    @Inject
    Request request;

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        Idempotent settings = settings(invocation);
        // where the key and the body are is a property of the method: read once, not on every request
        Positions at = POSITIONS.computeIfAbsent(method, IdempotentWrite::positions);
        Object[] arguments = invocation.getParameters();
        boolean takesKey = at.key() >= 0;
        String key = takesKey ? (String) arguments[at.key()] : null;
        Object body = at.body() >= 0 ? arguments[at.body()] : null;
        var transaction = QuarkusTransaction.joiningExisting();
        if (settings.timeoutSeconds() > 0) {
            transaction = transaction.timeout(settings.timeoutSeconds());
        }
        // any failure rolls the whole write back, the claimed key included, so the same request may be retried
        if (!takesKey) {
            return transaction.call(() -> proceed(invocation));
        }
        if (method.getReturnType() != Response.class) {
            throw new IllegalStateException("@Idempotent " + method + " takes a key, so it must return a Response");
        }
        String scope = caller.subject() + " " + request.getMethod() + " " + uri.getPath();
        String idempotencyKey = key;
        Object requestBody = body;
        return transaction.call(() -> keys.once(scope, idempotencyKey, requestBody,
                () -> (Response) proceed(invocation)));
    }

    /** The parameter index of the {@code Idempotency-Key} header and of the body; -1 where the method has none. */
    private record Positions(int key, int body) {
    }

    private static final Map<Method, Positions> POSITIONS = new ConcurrentHashMap<>();

    private static Positions positions(Method method) {
        int key = -1;
        int body = -1;
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            HeaderParam header = find(annotations[i], HeaderParam.class);
            if (header != null && IdempotencyKeys.HEADER.equalsIgnoreCase(header.value())) {
                key = i;
            } else if (isBody(annotations[i])) {
                body = i;
            }
        }
        return new Positions(key, body);
    }

    private static Object proceed(InvocationContext invocation) {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Idempotent settings(InvocationContext invocation) {
        Idempotent onMethod = invocation.getMethod().getAnnotation(Idempotent.class);
        if (onMethod != null) {
            return onMethod;
        }
        for (Annotation binding : invocation.getInterceptorBindings()) {
            if (binding instanceof Idempotent idempotent) {
                return idempotent;
            }
        }
        throw new IllegalStateException("no @Idempotent on " + invocation.getMethod());
    }

    private static boolean isBody(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (NOT_THE_BODY.contains(a.annotationType())) {
                return false;
            }
        }
        return true;
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        for (Annotation a : annotations) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }
}

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
import java.util.Set;
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
        boolean takesKey = false;
        String key = null;
        Object body = null;
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            HeaderParam header = find(annotations[i], HeaderParam.class);
            if (header != null && IdempotencyKeys.HEADER.equalsIgnoreCase(header.value())) {
                takesKey = true;
                key = (String) invocation.getParameters()[i];
            } else if (isBody(annotations[i])) {
                body = invocation.getParameters()[i];
            }
        }
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

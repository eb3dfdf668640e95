package vn.inspectorate.platform.idempotency;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write endpoint: it runs in one transaction, and once per {@code Idempotency-Key}. A method that takes the key
 * returns a {@link jakarta.ws.rs.core.Response}, the one of the first call; a retry with the same key and body gets that response back
 * and changes nothing (see {@link IdempotencyKeys}). The key is scoped to the caller and the request's method and path,
 * so the resource names neither. The method takes the key as its {@code @HeaderParam(IdempotencyKeys.HEADER)}
 * parameter, which also documents the header in the OpenAPI document; its body is its one parameter without a
 * JAX-RS annotation. A write whose operation takes no key (none is published for it) is {@code @Idempotent} too, whatever it
 * returns: it then simply runs in its transaction, like a request without the header.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /** The transaction's timeout; 0 keeps the platform's default. A batch of many records may need longer. */
    @Nonbinding
    int timeoutSeconds() default 0;
}

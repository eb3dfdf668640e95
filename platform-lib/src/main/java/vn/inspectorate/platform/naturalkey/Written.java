package vn.inspectorate.platform.naturalkey;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;

/**
 * What a write under a natural key did: created the record, or found it already there with the same meaning (a retry
 * or a reload), in which case nothing was written. A record under the same key with another meaning is not a result
 * but a 409 ({@link NaturalKeyMatch#conflict}). Resources answer 201 for a created record and 200 for an existing one.
 */
public record Written<T>(boolean created, T value) {

    public static <T> Written<T> created(T value) {
        return new Written<>(true, value);
    }

    public static <T> Written<T> existing(T value) {
        return new Written<>(false, value);
    }

    /** The HTTP status that answers this write: 201 Created or 200 OK. */
    public int status() {
        return created ? 201 : 200;
    }

    /** The answer to the write: 201 or 200, the record as the body. */
    public Response response() {
        return Response.status(status()).entity(value).build();
    }

    /** The answer to the write with the record's address, e.g. {@code v -> "/api/v1/inspections/" + v.id()}. */
    public Response response(Function<? super T, String> location) {
        return Response.status(status()).entity(value).location(URI.create(location.apply(value))).build();
    }

    /** The same outcome about another representation of the record, e.g. its view. */
    public <R> Written<R> map(Function<? super T, ? extends R> f) {
        return new Written<>(created, f.apply(value));
    }
}

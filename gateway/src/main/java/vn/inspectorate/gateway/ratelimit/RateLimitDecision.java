package vn.inspectorate.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of taking a token from a caller's bucket, and how it is announced (IETF httpapi RateLimit header
 * fields draft): {@code RateLimit-Policy: "<policy>";q=<capacity>;w=<window s>} and
 * {@code RateLimit: "<policy>";r=<remaining>;t=<s until the bucket is full again>}; a refusal adds
 * {@code Retry-After} with the seconds until one request is allowed again.
 *
 * @param policy the limiting role's name (or {@code other} for the fallback limit)
 */
public record RateLimitDecision(boolean allowed, String policy, long capacity, long windowSeconds, long remaining,
        long resetSeconds, long retryAfterSeconds) {

    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Policy", "\"" + policy + "\";q=" + capacity + ";w=" + windowSeconds);
        headers.put("RateLimit", "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds);
        if (!allowed) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        return headers;
    }
}

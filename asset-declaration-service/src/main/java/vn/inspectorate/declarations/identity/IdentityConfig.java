package vn.inspectorate.declarations.identity;

import io.smallrye.config.ConfigMapping;

/** The keys of personal identifiers at rest, both base64: AES-256 for the values, HMAC-SHA256 for the blind index. */
@ConfigMapping(prefix = "inspectorate.identity")
public interface IdentityConfig {

    String key();

    String indexKey();
}

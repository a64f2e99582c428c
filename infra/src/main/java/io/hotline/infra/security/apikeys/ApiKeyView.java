package io.hotline.infra.security.apikeys;

import java.time.Instant;

/** An API key as administrators list it: never the key itself nor its hash. {@code active}: not revoked. */
public record ApiKeyView(String keyId, String name, boolean active, String issuedBy, Instant issuedAt,
                         String revokedBy, Instant revokedAt) {
}

package io.hotline.infra.open311;

import java.time.Instant;

/** An API key as administrators list it: never the key itself nor its hash. */
public record ApiKeyView(String keyId, String name, String issuedBy, Instant issuedAt, String revokedBy,
                         Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}

package io.hotline.infra.security.apikeys;

import java.time.Instant;

/**
 * What issuing a key answers, once: the key to hand to the app ({@code apiKey}); only its hash is kept, so it
 * cannot be shown again (a lost key is revoked and a new one issued).
 */
public record IssuedApiKey(String keyId, String apiKey, String name, String issuedBy, Instant issuedAt) {
}

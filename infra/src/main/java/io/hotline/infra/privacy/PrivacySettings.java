package io.hotline.infra.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Crypto-shredding settings ({@code app.privacy.*}).
 *
 * @param secret       the master secret the citizen keys' ids and wrapping keys derive from
 *                     ({@code HOTLINE_PRIVACY_SECRET}, 32 characters at least). Empty: one is generated and kept
 *                     in MongoDB ({@code privacy_secrets}), fine for the embedded default; in production set it, so
 *                     that whoever reads the database does not also hold what unwraps the keys
 * @param keyCacheTtl  how long a node trusts a citizen key (or its absence) it has read; also how long another
 *                     node may still decrypt a citizen after an erasure on this one
 * @param keyCacheSize how many citizen keys a node keeps in memory
 */
@ConfigurationProperties("app.privacy")
public record PrivacySettings(String secret,
                              @DefaultValue("1m") Duration keyCacheTtl,
                              @DefaultValue("10000") int keyCacheSize) {

    /** The shortest master secret accepted. */
    public static final int MIN_SECRET_LENGTH = 32;

    public PrivacySettings {
        if (secret != null && !secret.isBlank() && secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("app.privacy.secret must have at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        if (keyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("app.privacy.key-cache-ttl must not be negative");
        }
        if (keyCacheSize < 1) {
            throw new IllegalArgumentException("app.privacy.key-cache-size must be 1 or more");
        }
    }

    /** True when a secret is configured rather than generated. */
    boolean configured() {
        return secret != null && !secret.isBlank();
    }
}

package io.hotline.infra.security.accounts;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, for a few minutes, that a user name and password matched an account's current hash, so scripts that
 * send HTTP Basic on every call pay bcrypt's deliberate slowness (about 150 ms here) once, not per request.
 * Only a keyed digest is kept (HMAC-SHA256 under a key made fresh in each process), never the password; the
 * digest covers the stored hash, so changing a password forgets every remembered sign-in with the old one.
 */
class RecentSignIns {

    private final Mac mac;
    private final Duration keep;
    private final Clock clock;
    private final Map<String, Instant> remembered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > 10_000;
        }
    };

    RecentSignIns(Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    boolean matchedRecently(Account account, String password) {
        String digest = digest(account, password);
        synchronized (remembered) {
            Instant until = remembered.get(digest);
            return until != null && clock.instant().isBefore(until);
        }
    }

    void remember(Account account, String password) {
        String digest = digest(account, password);
        synchronized (remembered) {
            remembered.put(digest, clock.instant().plus(keep));
        }
    }

    private String digest(Account account, String password) {
        String material = account.username() + "\u0000" + account.passwordHash() + "\u0000" + password;
        synchronized (mac) {
            return HexFormat.of().formatHex(mac.doFinal(material.getBytes(StandardCharsets.UTF_8)));
        }
    }
}

package io.hotline.kernel.citizen;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * 查询码: the short code a citizen uses with the case number to follow their case without an account. The operator
 * reads it out at registration and the registration message carries it.
 * <p>
 * It is never stored: it is a keyed hash of the case id under a key derived from the master secret, so whoever
 * holds the secret can recompute it (for the message, for the check) and nobody reading the store can. Six
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L): about 2^30 codes, so guessing is hopeless under
 * the throttling of wrong codes.
 */
public final class QueryCodes {

    /** Digits and capitals a person reads out and types without confusion. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 6;

    private final SecretKeySpec key;

    public QueryCodes(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("a query-code key has at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The case's query code. */
    public String codeFor(String caseId) {
        byte[] mac = mac(caseId);
        StringBuilder code = new StringBuilder(LENGTH);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (mac[i] & 0xff);
        }
        bits = bits >>> 1; // non-negative
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt((int) (bits % ALPHABET.length())));
            bits /= ALPHABET.length();
        }
        return code.toString();
    }

    /** Whether {@code offered} is the case's code; case and surrounding spaces do not matter. Constant time. */
    public boolean matches(String caseId, String offered) {
        if (caseId == null || offered == null) {
            return false;
        }
        byte[] expected = codeFor(caseId).getBytes(StandardCharsets.US_ASCII);
        byte[] given = offered.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    private byte[] mac(String caseId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(caseId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}

package io.hotline.query.personal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed hash (HMAC-SHA256) of a normalised phone number. The views keep this instead of the number, so
 * repeated requests from one caller can be found by phone while a leaked view reveals no number: without the
 * key, the small space of Chinese mobile numbers cannot be enumerated against the hashes.
 */
public final class PhoneHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public PhoneHasher(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the phone-hash key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The hash of the number as {@link #normalise} reads it; null for no number. */
    public String hash(String phone) {
        String digits = normalise(phone);
        if (digits == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /**
     * Digits only, without the country code: {@code +86 138-0013-8000}, {@code 0086 13800138000} and
     * {@code 13800138000} are one caller. Null when nothing is left.
     */
    public static String normalise(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("0086") && digits.length() > 13) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }
}

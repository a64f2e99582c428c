package io.hotline.command.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The city message platform's webhook signature, both ways: {@code X-Hotline-Signature: sha256=<hex>}, the
 * HMAC-SHA256 under the shared secret of {@code <X-Hotline-Timestamp>.<body>}. The timestamp (epoch seconds) is
 * inside the signature, so a captured call cannot be replayed later with a fresh one.
 */
public final class WebhookSignatures {

    public static final String SIGNATURE_HEADER = "X-Hotline-Signature";
    public static final String TIMESTAMP_HEADER = "X-Hotline-Timestamp";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public WebhookSignatures(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** Constant time. */
    public boolean verify(String timestamp, byte[] body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.UTF_8));
    }
}

package io.hotline.infra.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-GCM with a random 96-bit nonce and a 128-bit tag: confidentiality and integrity in one step, and the
 * associated data binds a ciphertext to where it belongs (a citizen's key id and version), so one citizen's
 * sealed data cannot be passed off as another's. A {@link Cipher} per thread, since making one costs more
 * than sealing a name and a phone number.
 */
final class Aead {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    });
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Random bytes fetched a batch at a time per thread: one call to the system's random source costs several
     * times the encryption itself, whatever the size asked for. Every nonce is still fresh random bytes.
     */
    private static final ThreadLocal<NonceSource> NONCES = ThreadLocal.withInitial(NonceSource::new);

    private Aead() {
    }

    static byte[] nonce() {
        return NONCES.get().next();
    }

    static byte[] seal(SecretKey key, byte[] nonce, byte[] associated, byte[] plain) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plain bytes; {@link AEADBadTagException} when the key is not the one or the bytes were altered. */
    static byte[] open(SecretKey key, byte[] nonce, byte[] associated, byte[] sealed) throws AEADBadTagException {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            return cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** Hands out random nonces from a buffer it refills from {@link SecureRandom} when used up. */
    private static final class NonceSource {

        private final byte[] batch = new byte[NONCE_BYTES * 128];
        private int used = batch.length;

        byte[] next() {
            if (used == batch.length) {
                RANDOM.nextBytes(batch);
                used = 0;
            }
            byte[] nonce = java.util.Arrays.copyOfRange(batch, used, used + NONCE_BYTES);
            java.util.Arrays.fill(batch, used, used + NONCE_BYTES, (byte) 0);
            used += NONCE_BYTES;
            return nonce;
        }
    }
}

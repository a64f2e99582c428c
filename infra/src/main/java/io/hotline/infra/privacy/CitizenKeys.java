package io.hotline.infra.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.hotline.kernel.common.Citizen;
import io.hotline.query.personal.PhoneHasher;
import org.bson.Document;
import org.bson.types.Binary;

import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The citizens' data keys, kept apart from the events in {@code citizen_keys} ({@code _id} = key id), each
 * wrapped (AES-GCM) under a key derived from the master secret.
 * <p>
 * A key id is a keyed hash of who the citizen is: their phone number as {@link PhoneHasher#normalise} reads it,
 * or, without a phone, their ID number; so all of one person's cases share one key and one erasure reaches them
 * all. A citizen with neither gets a key of their own per registration. Destroying the key
 * ({@link #destroy}) makes everything sealed under it unreadable for good: that is the erasure.
 */
public class CitizenKeys {

    static final String COLLECTION = "citizen_keys";
    private static final String KEY_ID_PREFIX = "ck-";

    private final MongoCollection<Document> keys;
    private final MasterSecret master;
    private final KeyCache cache;
    private final SecureRandom random = new SecureRandom();
    /** One keyed-hash engine per thread: making and initialising one costs several times the hash itself. */
    private final ThreadLocal<Mac> keyIdMacs;

    CitizenKeys(MongoDatabase database, MasterSecret master, KeyCache cache) {
        this.keys = database.getCollection(COLLECTION);
        this.master = master;
        this.cache = cache;
        this.keyIdMacs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(master.keyIdKey());
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
            }
        });
    }

    /** The key id of a citizen; a fresh random one for a citizen with neither phone nor ID number. */
    String keyIdOf(Citizen citizen) {
        String phone = PhoneHasher.normalise(citizen.phone());
        if (phone != null) {
            return keyIdFor("phone:" + phone);
        }
        if (citizen.idNumber() != null && !citizen.idNumber().isBlank()) {
            return keyIdFor("id:" + citizen.idNumber().strip().toUpperCase(Locale.ROOT));
        }
        byte[] unique = new byte[16];
        random.nextBytes(unique);
        return KEY_ID_PREFIX + "r-" + HexFormat.of().formatHex(unique);
    }

    /** The key id a phone number's owner has (or would have); empty for a text without digits. */
    Optional<String> keyIdForPhone(String phone) {
        String digits = PhoneHasher.normalise(phone);
        return digits == null ? Optional.empty() : Optional.of(keyIdFor("phone:" + digits));
    }

    /** The citizen's key for sealing: the existing one, or a new one stored now. */
    CitizenKey keyFor(Citizen citizen) {
        String id = keyIdOf(citizen);
        Optional<KeyCache.Entry> cached = cache.get(id);
        if (cached.isPresent() && cached.get().key() != null) {
            return cached.get().key();
        }
        CitizenKey key = load(id).orElseGet(() -> create(id));
        cache.put(id, key);
        return key;
    }

    /** The key stored under this id, for opening; empty once it was destroyed (or never made). */
    Optional<CitizenKey> key(String id) {
        Optional<KeyCache.Entry> cached = cache.get(id);
        if (cached.isPresent()) {
            return Optional.ofNullable(cached.get().key());
        }
        Optional<CitizenKey> key = load(id);
        cache.put(id, key.orElse(null));
        return key;
    }

    /** Whether a key is stored under this id now (no cache). */
    boolean exists(String id) {
        return keys.find(Filters.eq("_id", id)).first() != null;
    }

    /** Destroys the key: everything sealed under it reads as erased from now on. True when there was one. */
    boolean destroy(String id) {
        boolean deleted = keys.deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0;
        cache.put(id, null);
        return deleted;
    }

    private Optional<CitizenKey> load(String id) {
        Document stored = keys.find(Filters.eq("_id", id)).first();
        if (stored == null) {
            return Optional.empty();
        }
        String version = stored.getString("version");
        byte[] wrapped = stored.get("wrapped", Binary.class).getData();
        try {
            byte[] raw = Aead.open(master.wrappingKey(), Arrays.copyOf(wrapped, Aead.NONCE_BYTES),
                    associated(id, version), Arrays.copyOfRange(wrapped, Aead.NONCE_BYTES, wrapped.length));
            return Optional.of(new CitizenKey(id, version, new SecretKeySpec(raw, "AES")));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Citizen key " + id + " does not unwrap: the master secret is not the "
                    + "one it was made with, or the stored key was altered", e);
        }
    }

    private CitizenKey create(String id) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        byte[] versionBytes = new byte[8];
        random.nextBytes(versionBytes);
        String version = HexFormat.of().formatHex(versionBytes);
        byte[] nonce = Aead.nonce();
        byte[] sealed = Aead.seal(master.wrappingKey(), nonce, associated(id, version), raw);
        byte[] wrapped = Arrays.copyOf(nonce, nonce.length + sealed.length);
        System.arraycopy(sealed, 0, wrapped, nonce.length, sealed.length);
        try {
            keys.insertOne(new Document("_id", id).append("version", version).append("wrapped", new Binary(wrapped))
                    .append("createdAt", java.util.Date.from(Instant.now())));
            return new CitizenKey(id, version, new SecretKeySpec(raw, "AES"));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another writer made this citizen's key first: use theirs.
            return load(id).orElseThrow(() -> new IllegalStateException("Citizen key " + id + " vanished"));
        }
    }

    private static byte[] associated(String id, String version) {
        return ("citizen-key|" + id + "|" + version).getBytes(StandardCharsets.UTF_8);
    }

    private String keyIdFor(String identity) {
        byte[] digest = keyIdMacs.get().doFinal(identity.getBytes(StandardCharsets.UTF_8));
        return KEY_ID_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
    }
}

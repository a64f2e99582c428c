package io.hotline.infra.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The master secret ({@code app.privacy.secret}) and the two keys derived from it: one names citizen keys
 * (a keyed hash of the citizen's identity, so the same person always gets the same key and no one without the
 * secret can tell whose key it is), one wraps them at rest.
 * <p>
 * Without a configured secret one is generated once and kept in {@code privacy_secrets}; the first node to store
 * it wins and the others read it back. Either way a check value is stored beside it, so a node started with a
 * different secret than the keys were made with refuses to start instead of reading every citizen as erased.
 */
final class MasterSecret {

    static final String COLLECTION = "privacy_secrets";
    private static final String SECRET_ID = "master-secret";
    private static final String CHECK_ID = "master-secret-check";
    private static final Logger log = LoggerFactory.getLogger(MasterSecret.class);

    private final SecretKey keyIdKey;
    private final SecretKey wrappingKey;
    private final byte[] queryCodeKey;

    private MasterSecret(byte[] secret) {
        this.keyIdKey = new SecretKeySpec(derive(secret, "hotline citizen key id"), "HmacSHA256");
        this.wrappingKey = new SecretKeySpec(derive(secret, "hotline citizen key wrapping"), "AES");
        this.queryCodeKey = derive(secret, "hotline query code");
    }

    /** Only for tests: a secret given directly. */
    static MasterSecret of(byte[] secret) {
        return new MasterSecret(secret.clone());
    }

    /** The configured secret, or the stored (or newly generated) one; checked against the stored check value. */
    static MasterSecret resolve(PrivacySettings settings, MongoDatabase database) {
        MongoCollection<Document> secrets = database.getCollection(COLLECTION);
        byte[] secret = settings.configured()
                ? settings.secret().getBytes(StandardCharsets.UTF_8)
                : storedOrGenerated(secrets);
        verify(secrets, secret, settings.configured());
        return new MasterSecret(secret);
    }

    SecretKey keyIdKey() {
        return keyIdKey;
    }

    SecretKey wrappingKey() {
        return wrappingKey;
    }

    /** The key of the citizens' query codes (查询码), see {@link io.hotline.kernel.citizen.QueryCodes}. */
    byte[] queryCodeKey() {
        return queryCodeKey.clone();
    }

    private static byte[] storedOrGenerated(MongoCollection<Document> secrets) {
        Document existing = secrets.find(Filters.eq("_id", SECRET_ID)).first();
        if (existing != null) {
            return existing.get("secret", Binary.class).getData();
        }
        byte[] generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        if (insertOnce(secrets, new Document("_id", SECRET_ID).append("secret", new Binary(generated)))) {
            log.warn("No app.privacy.secret configured: generated a master secret for the citizen keys and stored "
                    + "it in {}. Set app.privacy.secret in production so the keys and what unwraps them are not "
                    + "kept in one database.", COLLECTION);
            return generated;
        }
        return secrets.find(Filters.eq("_id", SECRET_ID)).first().get("secret", Binary.class).getData();
    }

    private static void verify(MongoCollection<Document> secrets, byte[] secret, boolean configured) {
        String check = HexFormat.of().formatHex(derive(secret, "hotline master secret check"));
        Document stored = secrets.find(Filters.eq("_id", CHECK_ID)).first();
        if (stored == null) {
            insertOnce(secrets, new Document("_id", CHECK_ID).append("check", check));
            stored = secrets.find(Filters.eq("_id", CHECK_ID)).first();
        }
        if (!MessageDigest.isEqual(check.getBytes(StandardCharsets.US_ASCII),
                String.valueOf(stored.getString("check")).getBytes(StandardCharsets.US_ASCII))) {
            String which = configured ? "configured app.privacy.secret" : "stored master secret";
            throw new IllegalStateException("The " + which + " is not the one the stored citizen keys were made "
                    + "with: start with the original secret");
        }
    }

    private static boolean insertOnce(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}

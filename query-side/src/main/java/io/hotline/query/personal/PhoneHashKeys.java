package io.hotline.query.personal;

import io.hotline.query.QueryProperties;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Where the phone-hash key comes from: {@code app.query.phone-hash-key} when set; otherwise a random key made
 * once and kept in {@code read_model_secrets}, so every node and every rebuild hash alike. The first node to
 * store it wins (unique {@code _id}); the others read it back.
 */
@Configuration(proxyBeanMethods = false)
class PhoneHashKeys {

    static final String COLLECTION = "read_model_secrets";
    private static final String KEY_ID = "phone-hash-key";
    private static final Logger log = LoggerFactory.getLogger(PhoneHashKeys.class);

    @Bean
    PhoneHasher phoneHasher(QueryProperties properties, ReactiveMongoTemplate mongo) {
        String configured = properties.phoneHashKey();
        if (configured != null && !configured.isBlank()) {
            return new PhoneHasher(configured.getBytes(StandardCharsets.UTF_8));
        }
        return new PhoneHasher(storedKey(mongo));
    }

    private static byte[] storedKey(ReactiveMongoTemplate mongo) {
        Document existing = mongo.findById(KEY_ID, Document.class, COLLECTION).block(Duration.ofSeconds(30));
        if (existing != null) {
            return existing.get("key", Binary.class).getData();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            mongo.insert(new Document("_id", KEY_ID).append("key", new Binary(key)), COLLECTION)
                    .block(Duration.ofSeconds(30));
            log.info("No app.query.phone-hash-key configured: generated one and stored it in {}", COLLECTION);
            return key;
        } catch (DuplicateKeyException raced) {
            return mongo.findById(KEY_ID, Document.class, COLLECTION).block(Duration.ofSeconds(30))
                    .get("key", Binary.class).getData();
        }
    }
}

package io.hotline.infra.security.apikeys;

import io.hotline.command.open311.ApiClient;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Open311 API keys, in {@code open311_keys} ({@code _id} = key id). A key reads
 * {@code o311.<keyId>.<secret>}: the key id finds the record by {@code _id} (a unique-key lookup), and the secret,
 * 32 random bytes, is kept only as its SHA-256. A slow password hash would buy nothing here: the secret is random,
 * not chosen by a person, so it cannot be guessed from a list, and checking it on every request must stay cheap.
 * A revoked key stays on record (who issued and revoked it, when) and opens nothing.
 */
class ApiKeys {

    static final String COLLECTION = "open311_keys";
    private static final Pattern KEY = Pattern.compile("o311\\.(k[0-9a-f]{16})\\.([A-Za-z0-9_-]{43})");

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Mono<IssuedApiKey> issue(String name, String issuedBy) {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        String keyId = "k" + HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Document record = new Document("_id", keyId).append("name", name).append("secretHash", sha256(secretText))
                .append("issuedBy", issuedBy).append("issuedAt", Date.from(now));
        return mongo.insert(record, COLLECTION)
                .thenReturn(new IssuedApiKey(keyId, "o311." + keyId + "." + secretText, name, issuedBy, now));
    }

    /** Revokes the key; the view as it is afterwards, empty for an unknown key. Revoking twice keeps the first. */
    Mono<ApiKeyView> revoke(String keyId, String revokedBy) {
        Query unrevoked = Query.query(Criteria.where("_id").is(keyId).and("revokedAt").isNull());
        Update revoke = new Update().set("revokedBy", revokedBy).set("revokedAt", Date.from(clock.instant()));
        return mongo.updateFirst(unrevoked, revoke, COLLECTION).then(find(keyId));
    }

    Mono<ApiKeyView> find(String keyId) {
        return mongo.findById(keyId, Document.class, COLLECTION).map(ApiKeys::view);
    }

    Flux<ApiKeyView> all() {
        return mongo.findAll(Document.class, COLLECTION).map(ApiKeys::view);
    }

    /** The app a key belongs to, if the key is well-formed, known, its secret right and not revoked. */
    Mono<Optional<ApiClient>> verify(String apiKey) {
        Matcher parts = apiKey == null ? null : KEY.matcher(apiKey);
        if (parts == null || !parts.matches()) {
            return Mono.just(Optional.empty());
        }
        byte[] offered = sha256(parts.group(2)).getBytes(StandardCharsets.US_ASCII);
        return mongo.findById(parts.group(1), Document.class, COLLECTION)
                .filter(record -> record.get("revokedAt") == null)
                .filter(record -> MessageDigest.isEqual(offered,
                        record.getString("secretHash").getBytes(StandardCharsets.US_ASCII)))
                .map(record -> Optional.of(new ApiClient(record.getString("_id"), record.getString("name"))))
                .defaultIfEmpty(Optional.empty());
    }

    static boolean looksLikeKeyId(String keyId) {
        return keyId != null && keyId.matches("k[0-9a-f]{16}");
    }

    private static ApiKeyView view(Document record) {
        return new ApiKeyView(record.getString("_id"), record.getString("name"), record.get("revokedAt") == null,
                record.getString("issuedBy"),
                instant(record.getDate("issuedAt")), record.getString("revokedBy"),
                instant(record.getDate("revokedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package io.hotline.infra.security;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Date;

/**
 * Every refused request, in the log and in the {@code access_denials} collection (insert only), so auditors
 * (电子监察) can list who tried what. Only the user name, method, path (never the query string, which may carry a
 * phone number), status and reason are kept: no body, no header value, no personal data.
 */
@Component
public class AccessDenials {

    static final String COLLECTION = "access_denials";
    private static final int MAX_PATH = 512;
    private static final Logger log = LoggerFactory.getLogger(AccessDenials.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    AccessDenials(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Logs and stores one refusal. A failure to store is logged and swallowed: the caller is refused either way.
     *
     * @param username the signed-in user, or the user name attempted, or null when nobody said who they were
     */
    public Mono<Void> record(ServerWebExchange exchange, String username, HttpStatus status, String reason) {
        String method = exchange.getRequest().getMethod().name();
        String fullPath = exchange.getRequest().getPath().value();
        String path = fullPath.length() > MAX_PATH ? fullPath.substring(0, MAX_PATH) + "…" : fullPath;
        String who = username == null ? "anonymous" : username;
        if (status == HttpStatus.FORBIDDEN) {
            log.warn("Access denied ({}): {} {} by {}: {}", status.value(), method, path, who, reason);
        } else {
            log.info("Access denied ({}): {} {} by {}: {}", status.value(), method, path, who, reason);
        }
        Document denial = new Document("at", Date.from(clock.instant()))
                .append("username", username)
                .append("method", method)
                .append("path", path)
                .append("status", status.value())
                .append("reason", reason);
        return mongo.getCollection(COLLECTION)
                .flatMap(collection -> Mono.from(collection.insertOne(denial)))
                .doOnError(e -> log.error("Could not store the access denial for {} {}", method, path, e))
                .onErrorComplete()
                .then();
    }
}

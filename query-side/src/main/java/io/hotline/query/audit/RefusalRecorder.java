package io.hotline.query.audit;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a refusal at the audit tools' gate is recorded, beside every other refused request (the security layer's
 * store, which the access trail lists as denials). Implemented by the platform's security.
 */
public interface RefusalRecorder {

    /** Records one refusal; a failure to store it must not turn the refusal into an error. */
    Mono<Void> record(ServerWebExchange exchange, String username, HttpStatus status, String reason);
}

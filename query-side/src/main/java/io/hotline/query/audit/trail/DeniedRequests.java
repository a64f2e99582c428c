package io.hotline.query.audit.trail;

import io.hotline.query.audit.Listing;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * The requests the platform's security refused, as it stored them; listed for auditors beside the access trail.
 * Declared here, implemented by the security layer that records them.
 */
public interface DeniedRequests {

    /**
     * Refusals between {@code from} and {@code to} (either may be null), of {@code user} (or anyone), with
     * {@code status} (or any), newest first.
     */
    Mono<Listing<Denial>> list(Instant from, Instant to, String user, Integer status, int page, int size);

    /** A refused request: user name, method, path (never a query string), status and reason. */
    record Denial(Instant at, String username, String method, String path, int status, String reason) {
    }
}

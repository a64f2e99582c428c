package io.hotline.command.citizen;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * The rationing of the public, account-less requests (the web evaluations), per client address and per
 * case, and their record for the auditors. A wrong query code or an unknown case number is rationed like a wrong
 * password. Implemented by the platform's security, which keeps the buckets of every public route together.
 */
public interface CitizenAttempts {

    /**
     * Counts one request from {@code address} about {@code caseKey}; answers how long to wait when either is over
     * its limit (the request is then refused before anything is read), empty when it may go on.
     */
    Optional<Duration> admit(String address, String caseKey);

    /** A wrong query code or an unknown case: one token less for the address and for the case. */
    void failed(String address, String caseKey);

    /** Records a refused request beside the other access denials; a failure to record never fails the answer. */
    Mono<Void> refused(ServerWebExchange exchange, HttpStatus status, String reason);
}

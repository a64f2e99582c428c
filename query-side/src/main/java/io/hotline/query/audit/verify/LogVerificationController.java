package io.hotline.query.audit.verify;

import io.hotline.kernel.access.Action;
import io.hotline.query.audit.AuditorGate;
import io.hotline.query.audit.BlockingReads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The whole-log verification: {@code POST /api/v1/audit/verify} starts it in the background (202, with the run;
 * if one is already going, that run), {@code GET /api/v1/audit/verify} reports the latest run: positions done out
 * of the total, the pace, its state and the first break found.
 */
@RestController
@RequestMapping("/api/v1/audit/verify")
class LogVerificationController {

    private final AuditorGate gate;
    private final LogVerification verification;

    LogVerificationController(AuditorGate gate, LogVerification verification) {
        this.gate = gate;
        this.verification = verification;
    }

    @PostMapping
    Mono<ResponseEntity<LogVerification.Start>> start(ServerWebExchange exchange) {
        return gate.admit(exchange, Action.VERIFY_LOG)
                .flatMap(caller -> BlockingReads.of(() -> verification.start(caller)))
                .map(start -> ResponseEntity.status(HttpStatus.ACCEPTED).body(start));
    }

    @GetMapping
    Mono<LogVerification.Status> status(ServerWebExchange exchange) {
        return gate.admit(exchange, Action.VERIFY_LOG)
                .flatMap(caller -> BlockingReads.of(verification::status))
                .map(found -> found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No verification of the event log has run yet: POST /api/v1/audit/verify starts one.")));
    }
}

package io.hotline.query.audit;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.kernel.common.Actor;
import io.hotline.query.web.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;


/**
 * The second gate of the auditors' tools. {@code AccessRules} already turns other roles away at the web edge;
 * the handlers ask again here, with the caller in hand, so a mistake in the path table (a rule moved, a pattern
 * widened) cannot open the whole history of every case. A refusal at this gate is recorded with every other
 * refused request ({@link RefusalRecorder}).
 */
@Component
public class AuditorGate {

    private final Readers readers;
    private final RefusalRecorder denials;

    AuditorGate(Readers readers, RefusalRecorder denials) {
        this.readers = readers;
        this.denials = denials;
    }

    /**
     * The caller when the permission table lets one of their roles do {@code action} ({@link Action#AUDIT}: read
     * histories, states, exports, bulletins and trails; {@link Action#VERIFY_LOG}: start and watch the whole-log
     * verification); otherwise a recorded 403.
     */
    public Mono<Actor> admit(ServerWebExchange exchange, Action action) {
        return readers.current()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .flatMap(actor -> Permissions.allows(actor.roles(), action)
                        ? Mono.just(actor)
                        : denials.record(exchange, actor.userId(), HttpStatus.FORBIDDEN,
                                        "audit tools need one of " + Permissions.rolesAllowedTo(action))
                                .then(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                                        "Your roles do not allow the audit tools."))));
    }
}

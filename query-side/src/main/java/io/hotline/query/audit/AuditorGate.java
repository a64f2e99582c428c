package io.hotline.query.audit;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
import io.hotline.query.web.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The second gate of the auditors' tools. {@code AccessRules} already turns other roles away at the web edge;
 * the handlers ask again here, with the caller in hand, so a mistake in the path table (a rule moved, a pattern
 * widened) cannot open the whole history of every case. A refusal at this gate is recorded with every other
 * refused request ({@link RefusalRecorder}).
 */
@Component
public class AuditorGate {

    /** Who reads histories, states, exports, bulletins and trails. */
    public static final Set<Role> AUDITORS = EnumSet.of(Role.AUDITOR, Role.SUPERVISOR);
    /** Who may also start and watch the whole-log verification: the administrator who runs the store. */
    public static final Set<Role> LOG_VERIFIERS = EnumSet.of(Role.AUDITOR, Role.SUPERVISOR, Role.ADMIN);

    private final Readers readers;
    private final RefusalRecorder denials;

    AuditorGate(Readers readers, RefusalRecorder denials) {
        this.readers = readers;
        this.denials = denials;
    }

    /** The caller when they hold one of {@code roles}; otherwise a recorded 403. */
    public Mono<Actor> admit(ServerWebExchange exchange, Set<Role> roles) {
        return readers.current()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .flatMap(actor -> actor.roles().stream().anyMatch(roles::contains)
                        ? Mono.just(actor)
                        : denials.record(exchange, actor.userId(), HttpStatus.FORBIDDEN,
                                        "audit tools need one of " + Arrays.toString(roles.toArray()))
                                .then(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                                        "Your roles do not allow the audit tools."))));
    }
}

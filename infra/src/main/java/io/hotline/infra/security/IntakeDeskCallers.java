package io.hotline.infra.security;

import io.hotline.command.web.Callers;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
import io.hotline.query.web.Readers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Until sign-in exists, every caller acts as the hotline's intake desk. Replaced by the authenticated user
 * when accounts and roles are wired (the security issue).
 */
@Component
class IntakeDeskCallers implements Callers, Readers {

    private static final Actor INTAKE_DESK = Actor.of("intake-desk", "HOTLINE", Role.OPERATOR);

    @Override
    public Mono<Actor> current() {
        return Mono.just(INTAKE_DESK);
    }
}

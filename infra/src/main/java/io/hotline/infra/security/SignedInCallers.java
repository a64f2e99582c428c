package io.hotline.infra.security;

import io.hotline.command.web.Callers;
import io.hotline.kernel.common.Actor;
import io.hotline.query.web.Readers;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The command and query sides ask "who is calling?"; the answer is the signed-in person, standing in for a
 * colleague when {@link StandInRule} accepted the header. Outside an authenticated request there is no caller,
 * and the sides get an error rather than a made-up user.
 */
@Component
class SignedInCallers implements Callers, Readers {

    @Override
    public Mono<Actor> current() {
        return StandInRule.current()
                .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("no signed-in caller")));
    }
}

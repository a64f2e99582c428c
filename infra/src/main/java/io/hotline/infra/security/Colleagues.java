package io.hotline.infra.security;

import reactor.core.publisher.Mono;

/**
 * Whether a colleague may be stood in for: their account exists and is enabled. Nobody acts in the name of a
 * colleague who has left or been switched off. With local accounts the accounts collection answers; where the
 * identity provider manages the people (OIDC), every colleague it names counts as active.
 */
@FunctionalInterface
public interface Colleagues {

    Mono<Boolean> active(String username);
}

package io.hotline.query.web;

import io.hotline.kernel.common.Actor;
import reactor.core.publisher.Mono;

/**
 * Who is reading: the signed-in user, their unit and roles. Query handlers scope what they answer by it
 * (a unit handler sees only its own unit's cases); the security wiring in the deployable provides it.
 */
public interface Readers {

    Mono<Actor> current();
}

package io.hotline.command.web;

import io.hotline.kernel.common.Actor;
import reactor.core.publisher.Mono;

/**
 * Who is calling: the signed-in user, their unit, and whom they stand in for. The security wiring in the
 * deployable decides how a caller is authenticated; the command API only needs the resulting actor.
 */
public interface Callers {

    Mono<Actor> current();
}

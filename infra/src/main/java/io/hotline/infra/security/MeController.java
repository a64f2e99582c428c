package io.hotline.infra.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/me}: whoever is signed in learns who the app takes them for, in either sign-in mode. */
@RestController
class MeController {

    private final SignedInCallers callers;

    MeController(SignedInCallers callers) {
        this.callers = callers;
    }

    @GetMapping("/api/v1/me")
    Mono<Me> me(@AuthenticationPrincipal SignedInPerson person) {
        return callers.current().map(actor -> Me.of(person, actor.standingInFor()));
    }
}

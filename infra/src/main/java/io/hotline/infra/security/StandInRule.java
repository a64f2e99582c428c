package io.hotline.infra.security;

import io.hotline.kernel.common.Actor;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.util.Optional;

/**
 * The A/B role rule (AB角补位制) at the edge: a signed-in person who sends {@code X-Standing-In-For: <username>}
 * acts for that absent colleague, and the record shows both names. Only a stand-in the person's account (or token)
 * lists is accepted, and only while the colleague's account is enabled ({@link Colleagues}); anything else is refused
 * with 403 rather than silently ignored, so nobody believes they acted for a colleague when the record says otherwise.
 *
 * <p>The resulting {@link Actor} is put in the request's reactive context, where {@link SignedInCallers} finds it.
 */
final class StandInRule implements WebFilter {

    /** The request header naming the absent colleague. */
    static final String HEADER = "X-Standing-In-For";

    private static final Class<Actor> ACTOR_KEY = Actor.class;

    private final Refusals refusals;
    private final Colleagues colleagues;

    StandInRule(Refusals refusals, Colleagues colleagues) {
        this.refusals = refusals;
        this.colleagues = colleagues;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(PersonAuthentication.class::isInstance)
                .cast(PersonAuthentication.class)
                .map(authentication -> Optional.of(authentication.person()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(person -> person.isEmpty()
                        ? chain.filter(exchange)
                        : identify(person.get(), exchange, chain));
    }

    private Mono<Void> identify(SignedInPerson person, ServerWebExchange exchange, WebFilterChain chain) {
        String absent = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (absent == null || absent.isBlank()) {
            return proceed(person.actor(null), exchange, chain);
        }
        String absentUser = absent.trim();
        if (!person.mayStandInFor(absentUser)) {
            String named = SignedInPerson.looksLikeUsername(absentUser) ? absentUser : "an unknown user";
            return refusals.forbid(exchange, person.username(), "stand-in for " + named + " not granted",
                    "You are not named stand-in for " + named + ".");
        }
        return colleagues.active(absentUser).defaultIfEmpty(false).flatMap(active -> active
                ? proceed(person.actor(absentUser), exchange, chain)
                : refusals.forbid(exchange, person.username(), "stand-in for " + absentUser + " refused: account disabled",
                        "You cannot stand in for " + absentUser + ": their account is disabled."));
    }

    private static Mono<Void> proceed(Actor actor, ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).contextWrite(Context.of(ACTOR_KEY, actor));
    }

    /** The caller identified for the request being served, if any. */
    static Mono<Actor> current() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(context.<Actor>getOrEmpty(ACTOR_KEY)));
    }
}

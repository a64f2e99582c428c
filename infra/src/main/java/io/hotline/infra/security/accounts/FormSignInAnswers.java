package io.hotline.infra.security.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.infra.security.Me;
import io.hotline.infra.security.PersonAuthentication;
import io.hotline.infra.security.Refusals;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import reactor.core.publisher.Mono;

/**
 * The console signs in with a script, not a page reload, so the form's answers are JSON: {@code 200} with who
 * signed in (as {@code GET /api/v1/me}), {@code 401} problem+json for a wrong password, {@code 204} after
 * signing out. No redirects.
 */
class FormSignInAnswers {

    private final ObjectMapper json;
    private final Refusals refusals;

    FormSignInAnswers(ObjectMapper json, Refusals refusals) {
        this.json = json;
        this.refusals = refusals;
    }

    Mono<Void> signedIn(WebFilterExchange exchange, Authentication authentication) {
        ServerHttpResponse response = exchange.getExchange().getResponse();
        byte[] body;
        try {
            body = json.writeValueAsBytes(Me.of(((PersonAuthentication) authentication).person(), null));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    Mono<Void> failed(WebFilterExchange exchange, AuthenticationException failure) {
        return exchange.getExchange().getFormData()
                .mapNotNull(form -> form.getFirst("username"))
                .defaultIfEmpty("")
                .flatMap(username -> refusals.signInFailed(exchange.getExchange(), username, failure));
    }

    Mono<Void> signedOut(WebFilterExchange exchange, Authentication authentication) {
        return Mono.fromRunnable(() -> exchange.getExchange().getResponse().setStatusCode(HttpStatus.NO_CONTENT));
    }
}

package io.hotline.infra.security;

import io.hotline.infra.web.EdgeAnswers;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Duration;
import java.util.List;

/**
 * How the app says no: {@code 401} when it does not know who is calling, {@code 403} when it knows and the
 * answer is no, both as {@code application/problem+json} like every other failure, never a bare status or a
 * redirect for the API. Every refusal is logged and stored by {@link AccessDenials}.
 *
 * <p>A request the firewall refuses before anyone is signed in (an encoded slash, a {@code ..} segment, a
 * non-normalised path or an odd header) is answered {@code 400} as problem+json too, naming the path, and the
 * connection is closed after it: the hostile-request test found that the next request on a connection kept alive
 * after such a refusal was now and then never answered.
 *
 * <p>A browser navigating to a page outside {@code /api/} is sent to {@code /login} instead. The
 * {@code WWW-Authenticate} challenge is left out for requests marked {@code X-Requested-With: XMLHttpRequest}, so
 * the console's calls never make the browser pop up its own password dialog.
 */
@Component
public class Refusals implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
        ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);
    private static final String XHR = "XMLHttpRequest";

    private final AccessDenials denials;
    private final ObjectMapper json;
    private final String challenge;

    Refusals(AccessDenials denials, ObjectMapper json, SecuritySettings settings) {
        this.denials = denials;
        this.json = json;
        this.challenge = settings.mode() == SecuritySettings.Mode.OIDC ? "Bearer" : "Basic realm=\"hotline\"";
    }

    /** Not signed in, or the credentials were wrong. */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        ServerHttpRequest request = exchange.getRequest();
        String reason = failure == null ? "not signed in" : reasonFor(failure);
        Mono<Void> recorded = denials.record(exchange, attemptedUsername(request), HttpStatus.UNAUTHORIZED, reason);
        if (wantsSignInPage(request)) {
            return recorded.then(Mono.fromRunnable(() -> {
                exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
                exchange.getResponse().getHeaders().setLocation(URI.create("/login"));
            }));
        }
        if (!XHR.equals(request.getHeaders().getFirst("X-Requested-With"))) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challengeFor(failure));
        }
        return recorded.then(write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized",
                "Sign in first: send your credentials with the request."));
    }

    /** Signed in, but this role may not do this (or the CSRF token is missing on a cookie session). */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        String reason = denied instanceof CsrfException
                ? "CSRF token missing or invalid"
                : "role not allowed";
        String detail = denied instanceof CsrfException
                ? "This request needs the X-XSRF-TOKEN header copied from the XSRF-TOKEN cookie."
                : "Your roles do not allow this request.";
        return exchange.getPrincipal()
                .map(principal -> principal.getName())
                .defaultIfEmpty("")
                .flatMap(name -> denials.record(exchange, name.isEmpty() ? null : name, HttpStatus.FORBIDDEN, reason))
                .then(write(exchange, HttpStatus.FORBIDDEN, "Forbidden", detail));
    }

    /** A refusal decided by the app itself (e.g. a stand-in not granted), with its own wording. */
    public Mono<Void> forbid(ServerWebExchange exchange, String username, String reason, String detail) {
        return denials.record(exchange, username, HttpStatus.FORBIDDEN, reason)
                .then(write(exchange, HttpStatus.FORBIDDEN, "Forbidden", detail));
    }

    /** The firewall refused the request's path or headers: a hostile or broken request, not a person's mistake. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        // The firewall's message quotes what it found; for a header that could be a credential, so it is not logged.
        String why = String.valueOf(rejected.getMessage());
        log.warn("Rejected a {} request before sign-in: {}", exchange.getRequest().getMethod(),
                why.contains("URL") && why.length() <= 200 ? why : "a header or method the firewall refuses");
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        String detail = "path: not acceptable (encoded slashes, dot segments and other ambiguous forms are refused)";
        if (EdgeAnswers.isOpen311(exchange)) {
            return EdgeAnswers.geoReportError(exchange, json, HttpStatus.BAD_REQUEST, detail);
        }
        return write(exchange, HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    /** A failed sign-in through the form: 401 problem, never a redirect, no challenge (the form is the way in). */
    public Mono<Void> signInFailed(ServerWebExchange exchange, String attemptedUsername, AuthenticationException e) {
        return denials.record(exchange, SignedInPerson.looksLikeUsername(attemptedUsername) ? attemptedUsername : null,
                        HttpStatus.UNAUTHORIZED, "sign-in failed: " + reasonFor(e))
                .then(write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", "Wrong user name or password."));
    }

    private String challengeFor(AuthenticationException failure) {
        if (failure instanceof InvalidBearerTokenException) {
            return "Bearer error=\"invalid_token\"";
        }
        return challenge;
    }

    private static String reasonFor(AuthenticationException failure) {
        if (failure instanceof BadCredentialsException) {
            return "wrong user name or password";
        }
        if (failure instanceof DisabledException) {
            return "account disabled";
        }
        if (failure instanceof InvalidBearerTokenException) {
            String why = String.valueOf(failure.getMessage());
            return "invalid token: " + (why.length() > 200 ? why.substring(0, 200) + "…" : why);
        }
        if (failure instanceof AuthenticationCredentialsNotFoundException) {
            return "not signed in";
        }
        return "not signed in (" + failure.getClass().getSimpleName() + ")";
    }

    private static boolean wantsSignInPage(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/open311/") || XHR.equals(request.getHeaders().getFirst("X-Requested-With"))) {
            return false;
        }
        List<MediaType> accepted = request.getHeaders().getAccept();
        return accepted.stream().anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_HTML));
    }

    /** The user name a caller claimed in a Basic header, if it is shaped like one (never a password by mistake). */
    static String attemptedUsername(ServerHttpRequest request) {
        String username = basicUsername(request);
        return username != null && SignedInPerson.looksLikeUsername(username) ? username : null;
    }

    /** The user name of a Basic header, whatever its shape; null when the request carries none. */
    public static String basicUsername(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Too many failed sign-ins: 429 with {@code Retry-After} in whole seconds, recorded like every refusal. */
    public Mono<Void> tooManySignIns(ServerWebExchange exchange, String attemptedUsername, Duration retryAfter,
                                     String reason) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        String who = SignedInPerson.looksLikeUsername(attemptedUsername) ? attemptedUsername : null;
        return denials.record(exchange, who, HttpStatus.TOO_MANY_REQUESTS, reason)
                .then(write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                        "Too many failed sign-ins: try again in " + seconds + " s."));
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        return EdgeAnswers.problem(exchange, json, status, title, detail, List.of());
    }
}

package io.hotline.infra.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * CSRF protection where a browser could be tricked into sending credentials it holds on its own: the console's
 * session cookie. The console reads the {@code XSRF-TOKEN} cookie and echoes it in {@code X-XSRF-TOKEN} on every
 * change (the usual double-submit; a page on another site can neither read the cookie nor set the header).
 *
 * <p>Scripts that send {@code Authorization: Basic …} or {@code Bearer …} on every call need no token: a browser
 * never adds a header a page chose to a cross-site request. The one way it adds an {@code Authorization} header by
 * itself is a Basic password it cached after its own dialog; those requests carry {@code Sec-Fetch-Site:
 * cross-site} (or {@code same-site}), which scripts do not send, so such a request still needs the token. A
 * request with no cookie and no credentials carries nothing to abuse and gets its plain 401; the sign-in form
 * itself always needs the token (no signing a victim in to someone else's account).
 */
public final class ConsoleCsrf {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);
    private static final Set<String> SAME_ORIGIN = Set.of("same-origin", "none");

    private ConsoleCsrf() {
    }

    public static void configure(ServerHttpSecurity http, Refusals refusals) {
        http.csrf(csrf -> csrf
                .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                // the console echoes the cookie's value as is, so no per-request masking of the token
                .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(NEEDS_TOKEN)
                .accessDeniedHandler(refusals));
        http.addFilterAfter(HAND_OUT_TOKEN, SecurityWebFiltersOrder.CSRF);
    }

    static final ServerWebExchangeMatcher NEEDS_TOKEN = exchange -> {
        ServerHttpRequest request = exchange.getRequest();
        boolean atRisk = sendsOwnCredentials(request) ? crossSiteBrowser(request) : sendsCookies(request);
        boolean needsToken = !SAFE.contains(request.getMethod()) && !isOpen311(request) && !isForCitizens(request)
                && (isSignInForm(request) || atRisk);
        return needsToken ? MatchResult.match() : MatchResult.notMatch();
    };

    /**
     * Open311 is an API-key API: a request there is authorised by the key in its form, never by a cookie or a
     * cached password, so a forged cross-site post carries nothing it could ride on, and the standard's clients
     * (apps, servers) have no token to send.
     */
    private static boolean isOpen311(ServerHttpRequest request) {
        return request.getPath().pathWithinApplication().value().startsWith("/open311/");
    }

    /**
     * The citizens' public routes ({@code /api/public/}) act for no signed-in person whatever cookies come along:
     * their proof is the case number and query code in the body, which a forged cross-site post does not have.
     */
    private static boolean isForCitizens(ServerHttpRequest request) {
        return request.getPath().pathWithinApplication().value().startsWith("/api/public/");
    }

    /** Signing in is guarded too, so another site cannot sign a browser in as someone else. */
    private static boolean isSignInForm(ServerHttpRequest request) {
        return "/login".equals(request.getPath().pathWithinApplication().value());
    }

    /** No cookie, no session: nothing a forged request could ride on (and the caller is told 401, not 403). */
    private static boolean sendsCookies(ServerHttpRequest request) {
        return !request.getCookies().isEmpty();
    }

    private static boolean sendsOwnCredentials(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && (authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || authorization.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    private static boolean crossSiteBrowser(ServerHttpRequest request) {
        String site = request.getHeaders().getFirst("Sec-Fetch-Site");
        return site != null && !SAME_ORIGIN.contains(site.toLowerCase());
    }

    /**
     * WebFlux makes the token lazily; the console must have the cookie before its first change (the sign-in form
     * included), so every browser request without its own credentials gets one if it has none yet.
     */
    private static final WebFilter HAND_OUT_TOKEN = (exchange, chain) -> {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null || sendsOwnCredentials(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return token.then(chain.filter(exchange));
    };
}

package io.hotline.infra.security.accounts;

import io.hotline.infra.security.Refusals;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Brute-force protection at the way in, before HTTP Basic and the sign-in form check a password: a sign-in
 * attempt from an address or for an account whose {@link SignInThrottle} bucket is empty is answered 429 with
 * {@code Retry-After}, recorded for the auditors among the access denials and counted in
 * {@code hotline.signin.throttled} (tagged by the limit that refused). A sign-in that ends in 401 takes a token from
 * both buckets, before the answer leaves. Requests without credentials are not sign-in attempts and pass untouched.
 */
final class ThrottledSignIns implements WebFilter {

    private final SignInThrottle throttle;
    private final Refusals refusals;
    private final MeterRegistry meters;

    ThrottledSignIns(SignInThrottle throttle, Refusals refusals, MeterRegistry meters) {
        this.throttle = throttle;
        this.refusals = refusals;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return claimedUsername(exchange).flatMap(claimed -> {
            if (claimed.isEmpty()) {
                return chain.filter(exchange);
            }
            String username = claimed.get();
            String address = address(exchange.getRequest());
            Optional<SignInThrottle.Refusal> refusal = throttle.refusal(username, address);
            if (refusal.isPresent()) {
                SignInThrottle.Limit limit = refusal.get().limit();
                meters.counter("hotline.signin.throttled", "limit", limit.name().toLowerCase(Locale.ROOT))
                        .increment();
                return refusals.tooManySignIns(exchange, username, refusal.get().retryAfter(),
                        "sign-in throttled: too many failed sign-ins " + (limit == SignInThrottle.Limit.ACCOUNT
                                ? "for this account" : "from this address"));
            }
            // Counted before the 401 is committed, not after the chain completes: by then the client may already
            // have read the answer and sent its next guess, which would slip past an emptied bucket.
            exchange.getResponse().beforeCommit(() -> {
                if (exchange.getResponse().getStatusCode() == HttpStatus.UNAUTHORIZED) {
                    throttle.failed(username, address);
                }
                return Mono.empty();
            });
            return chain.filter(exchange);
        });
    }

    /** The user name of a sign-in attempt (HTTP Basic, or the sign-in form); empty when the request is none. */
    private static Mono<Optional<String>> claimedUsername(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (HttpMethod.POST.equals(request.getMethod()) && "/login".equals(request.getPath().value())) {
            return exchange.getFormData()
                    .map(form -> Optional.of(normalised(form.getFirst("username"))))
                    .defaultIfEmpty(Optional.of(""));
        }
        String basic = Refusals.basicUsername(request);
        return Mono.just(Optional.ofNullable(basic).map(ThrottledSignIns::normalised));
    }

    private static String normalised(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String address(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}

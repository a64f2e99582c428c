package io.hotline.infra.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The citizens' public routes' one throttle and record, for the tracking look-ups (query side) and the web
 * evaluations (command side) alike, so a guesser cannot double their tries by alternating routes: both ports are
 * answered from one {@link CitizenThrottle}, and every refusal is stored with the other access denials (the
 * auditors' access trail) and counted in {@code hotline.citizen.throttled}, tagged by the limit that refused.
 */
@Component
class CitizenAttemptsGate implements io.hotline.query.citizen.CitizenAttempts,
        io.hotline.command.citizen.CitizenAttempts {

    private final CitizenThrottle throttle = new CitizenThrottle();
    private final AccessDenials denials;
    private final MeterRegistry meters;

    CitizenAttemptsGate(AccessDenials denials, MeterRegistry meters) {
        this.denials = denials;
        this.meters = meters;
    }

    @Override
    public Optional<Duration> admit(String address, String caseKey) {
        Optional<CitizenThrottle.Refusal> refusal = throttle.admit(address, caseKey);
        refusal.ifPresent(refused -> meters.counter("hotline.citizen.throttled",
                "limit", refused.limit().name().toLowerCase(Locale.ROOT)).increment());
        return refusal.map(CitizenThrottle.Refusal::retryAfter);
    }

    @Override
    public void failed(String address, String caseKey) {
        throttle.failed(address, caseKey);
    }

    @Override
    public Mono<Void> refused(ServerWebExchange exchange, HttpStatus status, String reason) {
        return denials.record(exchange, null, status, reason);
    }
}

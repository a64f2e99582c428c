package io.hotline.query.citizen;

import io.hotline.kernel.citizen.QueryCodes;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/public/v1/track}: the public tracking page's one read, open without an account. The citizen
 * proves the case with its number and 查询码 and gets {@link CitizenTrack}. Rationed per client address and per case
 * number ({@link CitizenAttempts}: 429 with {@code Retry-After}); a wrong code and an unknown number are answered
 * the same 404, counted like a wrong password and recorded for the auditors. The code is checked against the keyed
 * hash of the case id ({@link QueryCodes}); it is stored nowhere.
 */
@RestController
@RequestMapping("/api/public/v1/track")
class TrackController {

    /** Checked for an unknown number too, so that answer takes the time a wrong code takes. */
    private static final String NO_CASE = "no-such-case";

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final QueryCodes codes;
    private final CitizenAttempts attempts;
    private final Clock clock;
    private final Duration invitationValidFor;

    TrackController(ReactiveMongoTemplate mongo, ReadModelGenerations generations, QueryCodes codes,
                    CitizenAttempts attempts, Clock clock,
                    @Value("${app.policy.evaluation.invitation-valid-for:P7D}") Duration invitationValidFor) {
        this.mongo = mongo;
        this.generations = generations;
        this.codes = codes;
        this.attempts = attempts;
        this.clock = clock;
        this.invitationValidFor = invitationValidFor;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> track(@RequestBody TrackRequest request, ServerWebExchange exchange) {
        List<Map<String, String>> errors = request.errors();
        if (!errors.isEmpty()) {
            return Mono.just(PublicProblems.invalid(errors));
        }
        String number = request.number();
        String address = address(exchange);
        Optional<Duration> wait = attempts.admit(address, "number:" + number);
        if (wait.isPresent()) {
            return attempts.refused(exchange, HttpStatus.TOO_MANY_REQUESTS, "citizen tracking throttled")
                    .thenReturn(PublicProblems.tooManyAttempts(wait.get()));
        }
        return mongo.findById(number, Document.class, live(TrackingCollections.NUMBERS))
                .map(found -> found.getString("caseId"))
                .defaultIfEmpty(NO_CASE)
                .flatMap(caseId -> {
                    boolean proved = codes.matches(caseId, request.queryCode()) && !NO_CASE.equals(caseId);
                    if (!proved) {
                        attempts.failed(address, "number:" + number);
                        return attempts.refused(exchange, HttpStatus.NOT_FOUND,
                                        "citizen tracking: wrong query code or unknown case number")
                                .thenReturn(PublicProblems.notFound());
                    }
                    return mongo.findById(caseId, Document.class, live(TrackingCollections.TRACKS))
                            .map(stored -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                                    .<Object>body(CitizenTrack.of(stored, invitationValidFor, clock.instant())))
                            .defaultIfEmpty(PublicProblems.notFound());
                });
    }

    private String live(String base) {
        return generations.liveCollection(TrackingCollections.MODEL, base);
    }

    static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}

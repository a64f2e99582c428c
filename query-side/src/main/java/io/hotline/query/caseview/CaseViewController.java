package io.hotline.query.caseview;

import io.hotline.query.QueryProperties;
import io.hotline.query.units.ReaderScopes;
import io.hotline.query.web.NotFound;
import io.hotline.query.web.ReaderScope;
import io.hotline.query.web.Readers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one case. {@code atLeastVersion} (the {@code version} a command answered with) waits until the view
 * shows that write; a view still older after the timeout is answered with {@code X-View-Stale: true}. Every
 * answer carries {@code X-View-Version}. A case outside a unit handler's scope answers 404, like a missing one.
 * The complainant is shown masked to the hotline's staff and not at all to unit handlers ({@link CitizenView}).
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseViewController {

    static final String VERSION_HEADER = "X-View-Version";
    static final String STALE_HEADER = "X-View-Stale";
    private static final Logger log = LoggerFactory.getLogger(CaseViewController.class);

    private final CaseLookup lookup;
    private final Readers readers;
    private final ReaderScopes scopes;
    private final LiveChanges changes;
    private final QueryProperties properties;
    private final Clock clock;

    CaseViewController(CaseLookup lookup, Readers readers, ReaderScopes scopes, LiveChanges changes,
                       QueryProperties properties, Clock clock) {
        this.lookup = lookup;
        this.readers = readers;
        this.scopes = scopes;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/{caseId}")
    Mono<ResponseEntity<CaseAnswer>> byId(@PathVariable String caseId,
                                          @RequestParam(required = false) Long atLeastVersion) {
        return readers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .flatMap(scopes::of)
                .flatMap(scope -> {
                    Mono<CaseLookup.Read> read = atLeastVersion == null
                            ? lookup.find(caseId).map(view -> new CaseLookup.Read(Optional.of(view), false))
                            : lookup.awaitVersion(caseId, atLeastVersion, view -> visible(scope, view));
                    return read.defaultIfEmpty(new CaseLookup.Read(Optional.empty(), false))
                            .map(found -> answer(caseId, scope, found));
                });
    }

    /**
     * The case's version now, then each newer one: the case page re-reads the case when another person changed it
     * (a sign-for, a reply), so nobody acts on a state that is gone. At once for a change projected on this node,
     * within {@code app.query.inbox-stream-poll} otherwise; a comment keeps idle connections open. A case outside the
     * reader's scope answers 404 like a missing one, before the stream starts.
     */
    @GetMapping(path = "/{caseId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Mono<ResponseEntity<Flux<ServerSentEvent<Map<String, Long>>>>> stream(@PathVariable String caseId) {
        return readers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .flatMap(scopes::of)
                .flatMap(scope -> lookup.find(caseId).map(Optional::of).defaultIfEmpty(Optional.empty()).map(found -> {
                    if (found.isEmpty() || !visible(scope, found.get())) {
                        throw NotFound.caseNotFound(caseId);
                    }
                    Flux<ServerSentEvent<Map<String, Long>>> versions = Flux.merge(
                                    changes.cases().filter(change -> change.caseId().equals(caseId))
                                            .map(LiveChanges.CaseVersion::version),
                                    Flux.interval(Duration.ZERO, properties.inboxStreamPoll())
                                            .concatMap(tick -> lookup.find(caseId).map(CaseView::version), 1))
                            .onBackpressureLatest()
                            .distinctUntilChanged()
                            .map(version -> ServerSentEvent.builder(Map.of("version", version)).event("case").build());
                    Flux<ServerSentEvent<Map<String, Long>>> keepAlive = Flux.interval(properties.inboxStreamKeepAlive())
                            .map(tick -> ServerSentEvent.<Map<String, Long>>builder().comment("keep-alive").build());
                    return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                            .body(Flux.merge(versions, keepAlive));
                }));
    }

    private static boolean visible(ReaderScope scope, CaseView view) {
        return scope.everything() || scope.units().stream().anyMatch(view::concerns);
    }

    private ResponseEntity<CaseAnswer> answer(String caseId, ReaderScope scope, CaseLookup.Read found) {
        CaseView view = found.view().orElseThrow(() -> NotFound.caseNotFound(caseId));
        if (!visible(scope, view)) {
            log.warn("Refused case {} to user {} of unit {}: outside the unit's cases", caseId,
                    scope.reader().userId(), scope.unit());
            throw NotFound.caseNotFound(caseId);
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(VERSION_HEADER, Long.toString(view.version()));
        if (found.stale()) {
            ok.header(STALE_HEADER, "true");
        }
        CitizenView shown = view.citizen() == null ? null : view.citizen().shownTo(scope.mayKnowComplainant());
        return ok.body(new CaseAnswer(view, shown, clock.instant()));
    }
}

package io.hotline.query.inbox;

import io.hotline.query.QueryProperties;
import io.hotline.query.caseview.CaseReadModel;
import io.hotline.query.caseview.LiveChanges;
import io.hotline.query.readmodel.ReadModelGenerations;
import io.hotline.query.units.ReaderScopes;
import io.hotline.query.web.ReaderScope;
import io.hotline.query.web.Readers;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A unit's inbox (待办): {@code GET /api/v1/inbox?unit=X} once, {@code GET /api/v1/inbox/stream?unit=X} as
 * server-sent events whenever it changes. A unit handler always gets their own unit's inbox; a {@code unit} that
 * is not shaped like a unit code is refused (400) for everyone. Each read is one
 * {@code _id} lookup of the unit's inbox document.
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

    /** A unit code as the search takes it; anything else is refused before it is looked up. */
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final LiveChanges changes;
    private final Readers readers;
    private final ReaderScopes scopes;
    private final Clock clock;
    private final QueryProperties properties;

    InboxController(ReactiveMongoTemplate mongo, ReadModelGenerations generations, LiveChanges changes,
                    Readers readers, ReaderScopes scopes, Clock clock, QueryProperties properties) {
        this.mongo = mongo;
        this.generations = generations;
        this.changes = changes;
        this.readers = readers;
        this.scopes = scopes;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping
    Mono<InboxAnswer> inbox(@RequestParam(required = false) String unit) {
        return unitFor(unit).flatMap(this::read);
    }

    /**
     * The inbox now, then again whenever it (or one of its colours) changes: at once for a change projected on
     * this node, within {@code app.query.inbox-stream-poll} otherwise. A comment every
     * {@code app.query.inbox-stream-keep-alive} keeps idle connections open.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<InboxAnswer>> stream(@RequestParam(required = false) String unit) {
        return unitFor(unit).flatMapMany(code -> {
            Flux<ServerSentEvent<InboxAnswer>> updates = Flux.merge(
                            changes.inboxes().filter(code::equals),
                            Flux.interval(Duration.ZERO, properties.inboxStreamPoll()))
                    .onBackpressureLatest()
                    .concatMap(wakeUp -> read(code), 1)
                    .distinctUntilChanged(InboxAnswer::items)
                    .map(answer -> ServerSentEvent.builder(answer).event("inbox").build());
            Flux<ServerSentEvent<InboxAnswer>> keepAlive = Flux.interval(properties.inboxStreamKeepAlive())
                    .map(tick -> ServerSentEvent.<InboxAnswer>builder().comment("keep-alive").build());
            return Flux.merge(updates, keepAlive);
        });
    }

    private Mono<String> unitFor(String requested) {
        if (requested != null && !UNIT.matcher(requested).matches()) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "unit: must match " + UNIT.pattern()));
        }
        return readers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .flatMap(scopes::of)
                .flatMap(scope -> {
                    String unit = scope.inboxUnit(requested);
                    if (unit == null || unit.isBlank()) {
                        return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                                "unit: required (the unit whose inbox to show)"));
                    }
                    return Mono.just(unit);
                });
    }

    private Mono<InboxAnswer> read(String unit) {
        return mongo.findById(unit, Inbox.class, generations.liveCollection(CaseReadModel.MODEL, Inbox.COLLECTION))
                .defaultIfEmpty(Inbox.empty(unit))
                .map(inbox -> InboxAnswer.of(inbox, clock.instant()));
    }
}

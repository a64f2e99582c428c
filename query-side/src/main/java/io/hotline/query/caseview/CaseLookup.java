package io.hotline.query.caseview;

import io.hotline.query.QueryProperties;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads case views from the live generation by {@code _id}, and waits for one to catch up with a write the
 * caller just made (read your own write).
 */
@Component
public class CaseLookup {

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final LiveChanges changes;
    private final QueryProperties properties;

    public CaseLookup(ReactiveMongoTemplate mongo, ReadModelGenerations generations, LiveChanges changes,
                      QueryProperties properties) {
        this.mongo = mongo;
        this.generations = generations;
        this.changes = changes;
        this.properties = properties;
    }

    /** A read: the view if there is one, and whether it is older than the version the caller waited for. */
    public record Read(Optional<CaseView> view, boolean stale) {
    }

    public Mono<CaseView> find(String caseId) {
        return mongo.findById(caseId, CaseView.class,
                generations.liveCollection(CaseReadModel.MODEL, CaseView.COLLECTION));
    }

    /**
     * The view once its version is at least {@code atLeast}; after {@code app.query.read-your-write-timeout}
     * the view as it is, marked stale. Wakes on this node's projection notifying the case, and re-reads every
     * {@code app.query.read-your-write-poll} for events projected on another node. Never blocks a thread.
     * A view the reader may not see never ends the wait early, so the caller refuses it only after the same
     * time a missing case takes (the time taken must not tell a unit handler that another unit's case exists).
     */
    public Mono<Read> awaitVersion(String caseId, long atLeast, Predicate<CaseView> visible) {
        Flux<Object> wakeUps = Flux.merge(
                changes.cases().filter(change -> change.caseId().equals(caseId) && change.version() >= atLeast),
                Flux.interval(Duration.ZERO, properties.readYourWritePoll()));
        return wakeUps.onBackpressureDrop()
                .concatMap(wakeUp -> findOptional(caseId), 1)
                .filter(found -> found.isPresent() && visible.test(found.get()) && found.get().version() >= atLeast)
                .next()
                .map(found -> new Read(found, false))
                .timeout(properties.readYourWriteTimeout(),
                        Mono.defer(() -> findOptional(caseId).map(found -> new Read(found, true))));
    }

    private Mono<Optional<CaseView>> findOptional(String caseId) {
        return find(caseId).map(Optional::of).defaultIfEmpty(Optional.empty());
    }
}

package io.hotline.query.readmodel;

import io.hotline.query.QueryProperties;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the tracking event processors that fill the read models: one per generation, each with its own
 * projection instance (made by the read model's {@link ReadModelProjection}) writing only to that generation's
 * collections, and its own token ({@code case-view-g1}, {@code case-figures-g2}, ...). Normally that is the
 * live generation alone; during a rebuild the next generation's processor runs beside it from the start of the
 * log. One writer per collection, so no two processors ever race on a document.
 * <p>
 * Every processor has one segment and one thread, and a failing event stops it until a retry of that same
 * event succeeds. A projection that is a {@link ProjectionBatch} stores each batch's changes at once, before
 * the batch's token (see {@link BatchBoundary}). The projections rely on it: each case's events arrive in order, and an
 * event cut short is finished before any later event is applied (the figures' exactly-once bucket updates depend on
 * that, see {@code FiguresLedger}). A retry re-reads from the last stored token, so the events of the batch before the
 * failing one come again; every projection skips what it has applied already.
 * <p>
 * The processors of generations being built read the log through {@link RebuildConvoys}, so read models rebuilt
 * together read it once between them; a live generation's processor reads it directly (Axon's event store already
 * serves the processors at the head from one read).
 * <p>
 * The processors are built here rather than by Axon's configuration because their number and names change at
 * run time. Every {@code app.query.generation-refresh} this node re-reads the generations and starts or stops
 * processors to match, so a switch or a rebuild begun on another node is followed here too (whichever node
 * holds a processor's token does the work; the others stand by).
 */
@Component
public class ReadModelProcessors implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelProcessors.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final RebuildConvoys rebuilding;
    private final TokenStore tokens;
    private final ReactiveMongoTemplate mongo;
    private final ReadModelRegistry registry;
    private final ReadModelGenerations generations;
    private final QueryProperties properties;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile Disposable refresher;

    /** A processor this node runs, for which generation of which read model. */
    private record Running(ReadModel model, int generation, TrackingEventProcessor processor) {
    }

    public ReadModelProcessors(StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokens,
                               ReactiveMongoTemplate mongo, ReadModelRegistry registry,
                               ReadModelGenerations generations, QueryProperties properties) {
        this.events = events;
        this.rebuilding = new RebuildConvoys(events, properties.rebuild().sharedWindow(),
                properties.rebuild().sharedPatience());
        this.tokens = tokens;
        this.mongo = mongo;
        this.registry = registry;
        this.generations = generations;
        this.properties = properties;
    }

    @Override
    public void start() {
        for (ReadModel model : registry.all()) {
            if (generations.ensure(model)) {
                // First start with generations: anything in the generation-1 collections is an older layout
                // (it may even hold raw personal data), so generation 1 is rebuilt from the log.
                drop(model, 1);
            }
            prepare(model, generations.live(model));
        }
        reconcile();
        Duration every = properties.generationRefresh();
        refresher = Flux.interval(every, every)
                .onBackpressureDrop()
                .publishOn(Schedulers.boundedElastic())
                .subscribe(tick -> reconcileQuietly());
    }

    @Override
    public void stop() {
        Disposable ticking = refresher;
        if (ticking != null) {
            ticking.dispose();
        }
        // All at once: each processor may take a while to notice (it waits up to a second for new events).
        CompletableFuture.allOf(running.values().stream().map(run -> run.processor().shutdownAsync())
                .toArray(CompletableFuture[]::new)).join();
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return refresher != null && !refresher.isDisposed();
    }

    /** Alongside Axon's own event processors: after the event store is up, stopped before it goes. */
    @Override
    public int getPhase() {
        return Phase.INBOUND_EVENT_CONNECTORS;
    }

    /** Starts and stops processors to match the generations record: the live one, and the one being built. */
    synchronized void reconcile() {
        for (ReadModel model : registry.all()) {
            Generation generation = generations.refresh(model).orElse(null);
            if (generation == null) {
                continue;
            }
            Set<Integer> wanted = new HashSet<>();
            wanted.add(generation.live());
            if (generation.isBuilding() && generation.buildingReady()) {
                wanted.add(generation.building());
            }
            for (int number : wanted) {
                running.computeIfAbsent(model.processorName(number), name -> launch(model, number));
            }
            running.values().removeIf(run -> {
                if (run.model().equals(model) && !wanted.contains(run.generation())) {
                    log.info("Stopping processor {}: generation {} is no longer live", run.processor().getName(),
                            run.generation());
                    run.processor().shutdownAsync();
                    return true;
                }
                return false;
            });
        }
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the read-model generations; trying again on the next tick", e);
        }
    }

    /** The processor of a generation, if it runs on this node. */
    public Optional<TrackingEventProcessor> processor(ReadModel model, int generation) {
        return Optional.ofNullable(running.get(model.processorName(generation))).map(Running::processor);
    }

    /** The position (0-based) of the last event a generation's processor on this node has applied, if it runs here. */
    OptionalLong position(ReadModel model, int generation) {
        Optional<TrackingEventProcessor> processor = processor(model, generation);
        if (processor.isEmpty()) {
            return OptionalLong.empty();
        }
        EventTrackerStatus segment = processor.get().processingStatus().get(0);
        if (segment == null) {
            return OptionalLong.empty();
        }
        OptionalLong position = segment.getCurrentPosition();
        return position.isPresent() ? position : OptionalLong.of(-1);
    }

    /** The last error of a generation's processor on this node, if it is failing (it retries by itself). */
    String error(ReadModel model, int generation) {
        EventTrackerStatus segment = processor(model, generation)
                .map(processor -> processor.processingStatus().get(0)).orElse(null);
        return segment != null && segment.isErrorState() && segment.getError() != null
                ? segment.getError().getClass().getSimpleName() + ": " + segment.getError().getMessage() : null;
    }

    /** The position of the newest event in the log; -1 for an empty log. Positions are dense from 0. */
    long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Drops a generation's collections (leftovers before a build, or a retired generation). */
    void drop(ReadModel model, int generation) {
        for (String base : model.collections()) {
            String collection = ReadModel.collection(base, generation);
            if (Boolean.TRUE.equals(mongo.collectionExists(collection).block(WAIT))) {
                mongo.dropCollection(collection).block(WAIT);
            }
        }
    }

    /**
     * Creates a generation's secondary indexes: what a real MongoDB should use for searches. Nodes starting
     * together create the same indexes at once; the embedded server can refuse one of two concurrent creations
     * of an index ("Expected [EmptyIndex[...]] to be empty"), so a refused creation is tried again: creating an
     * index that exists is a no-op.
     */
    void prepare(ReadModel model, int generation) {
        for (Map.Entry<String, List<IndexDefinition>> plan : model.indexes().entrySet()) {
            String collection = ReadModel.collection(plan.getKey(), generation);
            for (IndexDefinition index : plan.getValue()) {
                mongo.indexOps(collection).ensureIndex(index)
                        .retryWhen(Retry.backoff(5, Duration.ofMillis(100)))
                        .block(WAIT);
            }
        }
    }

    private Running launch(ReadModel model, int generation) {
        boolean live = generations.live(model) == generation;
        Object projection = registry.projectionOf(model)
                .forGeneration(generation, () -> generations.live(model) == generation);
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(model.processorName(generation))
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(projection)
                        // a failing event stops the processor, which retries it: a projection never skips one
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                // a generation being built reads the log together with the others being built (RebuildConvoys)
                .messageSource(live ? events : rebuilding)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing() // one thread, one segment: see the class comment
                        .andInitialSegmentsCount(1)
                        .andBatchSize(properties.rebuild().batchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        if (projection instanceof ProjectionBatch batch) {
            processor.registerHandlerInterceptor(new BatchBoundary(batch));
        }
        processor.start();
        log.info("Started processor {} for read model {} generation {}", processor.getName(), model.name(),
                generation);
        return new Running(model, generation, processor);
    }
}

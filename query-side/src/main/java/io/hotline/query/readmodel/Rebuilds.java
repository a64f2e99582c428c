package io.hotline.query.readmodel;

import io.hotline.query.QueryProperties;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds a read model from the event log without a blank screen:
 * <ol>
 * <li>claim the next generation in the generations record (one rebuild at a time per read model), drop any
 * leftovers of its collections, create its indexes, mark it ready;</li>
 * <li>a fresh tracking processor fills the new collections from the start of the log, while the live
 * generation keeps serving and keeps following the log;</li>
 * <li>once the new processor has reached the head of the log, one atomic update makes it the live generation;
 * readers resolve collection names per request, so they move over at once; the new processor simply goes on
 * following the log as the live one and the old processor stops;</li>
 * <li>the old collections are dropped after {@code app.query.rebuild.retire-after}.</li>
 * </ol>
 * Every node checks every {@code app.query.rebuild.check-interval} whether a rebuild it runs has caught up, so
 * a rebuild survives the node that started it.
 */
@Component
public class Rebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final ReadModelGenerations generations;
    private final ReadModelProcessors processors;
    private final ReadModelRegistry registry;
    private final QueryProperties properties;
    private final Map<String, Throughput> throughput = new ConcurrentHashMap<>();
    private volatile Disposable checker;

    public Rebuilds(ReadModelGenerations generations, ReadModelProcessors processors, ReadModelRegistry registry,
                    QueryProperties properties) {
        this.generations = generations;
        this.processors = processors;
        this.registry = registry;
        this.properties = properties;
    }

    /** Thrown when a rebuild of the read model is already under way. */
    public static class AlreadyRebuilding extends RuntimeException {
        AlreadyRebuilding(String readModel) {
            super("read model " + readModel + " is already being rebuilt");
        }
    }

    /** Starts rebuilding; blocking (a few store round trips), so call it off the request threads. */
    public RebuildProgress start(ReadModel model) {
        Generation current = generations.refresh(model).orElseThrow();
        if (current.isBuilding()) {
            throw new AlreadyRebuilding(model.name());
        }
        int next = current.live() + 1;
        processors.drop(model, next);
        Generation claimed = generations.beginBuilding(model).orElseThrow(() -> new AlreadyRebuilding(model.name()));
        processors.prepare(model, claimed.building());
        generations.markReady(model, claimed.building());
        throughput.remove(model.name());
        log.info("Rebuilding read model {} into generation {} beside live generation {}", model.name(),
                claimed.building(), claimed.live());
        processors.reconcile();
        return progress(model);
    }

    /** Where the read model stands; blocking (reads the head of the log). */
    public RebuildProgress progress(ReadModel model) {
        Generation generation = generations.current(model).orElseGet(() -> generations.refresh(model).orElseThrow());
        long head = processors.head();
        long total = head + 1;
        String state = generation.isBuilding() ? RebuildProgress.REBUILDING
                : generation.switchedAt() != null ? RebuildProgress.SWITCHED : RebuildProgress.IDLE;
        int tracked = generation.isBuilding() ? generation.building() : generation.live();
        OptionalLong position = processors.position(model, tracked);
        Long done = position.isPresent() ? position.getAsLong() + 1 : null;
        Double rate = null;
        Double left = null;
        if (generation.isBuilding() && done != null) {
            rate = throughput.computeIfAbsent(model.name(), name -> new Throughput()).observe(done, System.nanoTime());
            left = rate == null || rate <= 0 ? null : Math.max(0, total - done) / rate;
        } else if (done != null) {
            left = done >= total ? 0.0 : null;
        }
        return new RebuildProgress(model.name(), state, generation.live(), generation.building(),
                model.collections().stream().map(base -> ReadModel.collection(base, generation.live())).toList(),
                done, total, rate, left, generation.buildingSince(), generation.switchedAt(),
                generation.isBuilding() ? processors.error(model, generation.building()) : null);
    }

    /** Switches every rebuild this node runs that has reached the head of the log. */
    void check() {
        for (ReadModel model : registry.all()) {
            Optional<Generation> known = generations.current(model);
            if (known.isEmpty() || !known.get().isBuilding() || !known.get().buildingReady()) {
                continue;
            }
            Generation generation = known.get();
            long head = processors.head();
            OptionalLong position = processors.position(model, generation.building());
            if (position.isEmpty()) {
                continue; // not running here, or not yet claimed its token
            }
            throughput.computeIfAbsent(model.name(), name -> new Throughput())
                    .observe(position.getAsLong() + 1, System.nanoTime());
            if (position.getAsLong() >= head && generations.switchTo(model, generation.building())) {
                int retired = generation.live();
                processors.reconcile();
                log.info("Read model {} generation {} caught up with the log at position {}; generation {} retires "
                        + "in {}", model.name(), generation.building(), head, retired, properties.rebuild().retireAfter());
                Mono.delay(properties.rebuild().retireAfter())
                        .publishOn(Schedulers.boundedElastic())
                        .subscribe(tick -> retire(model, retired));
            }
        }
    }

    private void retire(ReadModel model, int generation) {
        if (generations.live(model) != generation) {
            processors.drop(model, generation);
            log.info("Dropped the collections of read model {} generation {}", model.name(), generation);
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Could not check the rebuilds; trying again on the next tick", e);
        }
    }

    @Override
    public void start() {
        Duration every = properties.rebuild().checkInterval();
        checker = Flux.interval(every, every)
                .onBackpressureDrop()
                .publishOn(Schedulers.boundedElastic())
                .subscribe(tick -> checkQuietly());
    }

    @Override
    public void stop() {
        Disposable ticking = checker;
        if (ticking != null) {
            ticking.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null && !checker.isDisposed();
    }

    @Override
    public int getPhase() {
        return Phase.INBOUND_EVENT_CONNECTORS;
    }

    /** Events per second since the first measurement of this rebuild on this node. */
    private static final class Throughput {
        private long firstDone = -1;
        private long firstNanos;

        synchronized Double observe(long done, long nanos) {
            if (firstDone < 0) {
                firstDone = done;
                firstNanos = nanos;
                return null;
            }
            double seconds = (nanos - firstNanos) / 1e9;
            return seconds <= 0 ? null : (done - firstDone) / seconds;
        }
    }
}

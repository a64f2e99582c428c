package io.hotline.query.fulltext;

import io.hotline.query.readmodel.BatchBoundary;
import io.hotline.query.readmodel.ProjectionBatch;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Feeds one index ({@link FedIndex}: this node's {@link LuceneIndex}, or an index on OpenSearch) from the event
 * log with a tracking processor of this node's own.
 * <p>
 * <b>One processor per node, not shared segments.</b> The read models in MongoDB are shared by all nodes, so their
 * processors share one token and one node does the work ({@code ReadModelProcessors}). An index lives in one
 * node's folder, so every query node must read the whole log itself. This processor is therefore not registered
 * with Axon's configuration (the segment share never sees it), and its token lives in an in-memory token store of
 * its own, seeded at start from the index's last commit and written back into the commit every
 * {@code commit-interval}: the index and its position are made durable together, in one commit, so a
 * restart resumes exactly where the durable index stops (events indexed after the commit come again; the index's
 * documents are replaced by id, and the projection skips what it already holds). One segment, one thread.
 * <p>
 * The projection's handlers are made fresh by {@code handlers} at every (re)start; those that are a
 * {@link ProjectionBatch} get each processor batch at once ({@link BatchBoundary}).
 */
public class IndexFeed<I extends FedIndex> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexFeed.class);
    private static final long WAIT_STEP_NANOS = 2_000_000;

    private final String name;
    private final I index;
    private final Supplier<List<Object>> handlers;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final FullTextProperties properties;
    private volatile InMemoryTokenStore tokens;
    private volatile TrackingEventProcessor processor;
    private volatile ScheduledExecutorService ticker;
    private volatile String logId;

    public IndexFeed(String name, I index, Supplier<List<Object>> handlers,
                     StreamableMessageSource<TrackedEventMessage<?>> events, FullTextProperties properties) {
        this.name = name;
        this.index = index;
        this.handlers = handlers;
        this.events = events;
        this.properties = properties;
    }

    public I index() {
        return index;
    }

    @Override
    public synchronized void start() {
        logId = firstEventId();
        OptionalLong committed = index.committedPosition();
        boolean otherLog = index.committedLog().isPresent() && !index.committedLog().get().equals(logId);
        if (otherLog || committed.isPresent() && committed.getAsLong() > head()) {
            log.info("Index {} was made from another event log: cleared, it is rebuilt", index.name());
            index.clear();
            committed = OptionalLong.empty();
        }
        launch(committed);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "index-" + name);
            thread.setDaemon(true);
            return thread;
        });
        long refresh = properties.refreshInterval().toMillis();
        long commit = properties.commitInterval().toMillis();
        executor.scheduleWithFixedDelay(this::refreshQuietly, refresh, refresh, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::commitQuietly, commit, commit, TimeUnit.MILLISECONDS);
        ticker = executor;
        log.info("Index {} follows the log from {}", index.name(),
                committed.isPresent() ? "position " + (committed.getAsLong() + 1) : "its start");
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService executor = ticker;
        ticker = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        TrackingEventProcessor running = processor;
        if (running != null) {
            running.shutDown();
            commit();
        }
        processor = null;
        index.close();
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    /** Alongside the other event processors: after the event store is up, stopped before it goes. */
    @Override
    public int getPhase() {
        return Phase.INBOUND_EVENT_CONNECTORS;
    }

    /** Empties the index and reads the whole log into it again (the searches see it fill up). */
    public synchronized void rebuild() {
        processor.shutDown();
        index.clear();
        launch(OptionalLong.empty());
        log.info("Index {} is being rebuilt from the start of the log", index.name());
    }

    /** The position of the last event applied to the index (-1: none yet). */
    public long position() {
        TrackingEventProcessor running = processor;
        if (running == null) {
            return -1;
        }
        EventTrackerStatus status = running.processingStatus().get(0);
        return status == null ? -1 : status.getCurrentPosition().orElse(-1);
    }

    /**
     * Waits until the index holds every event the log held when asked, and its searches see them: a list read off
     * the index is then no older than one read off the read models at that moment. False, without waiting for it,
     * when the index is more than {@code most} events behind (a rebuild, a storm of deadline marks), or when it does
     * not get there {@code within}: the caller then reads the read models instead.
     */
    public boolean caughtUp(long most, Duration within) {
        long target = head();
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long at = position();
            if (at >= target) {
                index.refreshNow();
                return true;
            }
            if (target - at > most || System.nanoTime() >= deadline) {
                return false;
            }
            LockSupport.parkNanos(WAIT_STEP_NANOS);
        }
    }

    /** How many events of the log the index has not applied yet. */
    public long lag() {
        return Math.max(0, head() - position());
    }

    /** The position of the newest event in the log; -1 for an empty log. */
    public long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Commits the index with the position its processor's token stands at: what a restart resumes from. */
    public void commit() {
        TrackingToken token = tokens.fetchToken(name, 0);
        if (logId == null) {
            logId = firstEventId();
        }
        index.commit(token == null ? OptionalLong.empty() : token.position(), logId);
    }

    private void launch(OptionalLong from) {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.initializeTokenSegments(name, 1,
                from.isPresent() ? new GlobalSequenceTrackingToken(from.getAsLong()) : null);
        List<Object> made = handlers.get();
        TrackingEventProcessor built = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(made)
                        // a failing event stops the processor, which retries it: the index never skips one
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(events)
                .tokenStore(store)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andInitialSegmentsCount(1)
                        .andBatchSize(properties.batchSize()))
                .build();
        for (Object handler : made) {
            if (handler instanceof ProjectionBatch batch) {
                built.registerHandlerInterceptor(new BatchBoundary(batch));
            }
        }
        tokens = store;
        processor = built;
        built.start();
    }

    /** The identifier of the log's first event: tells this log from another one the index may have been made of. */
    private String firstEventId() {
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            return stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)
                    ? stream.peek().map(TrackedEventMessage::getIdentifier).orElse(null) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void refreshQuietly() {
        try {
            index.refresh();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the searchers of index {}; trying again", index.name(), e);
        }
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            log.warn("Could not commit index {}; trying again at the next interval", index.name(), e);
        }
    }
}

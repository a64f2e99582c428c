package io.hotline.infra.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps each node to its share of every tracking processor's segments, so the nodes split the work instead of
 * the first one started doing all of it.
 * <p>
 * Every heartbeat this node tells the {@link NodeRoster} it is alive, reads who else is, and for each tracking
 * processor it runs compares the segments it holds with its fair share: the processor's segment count divided
 * by the live nodes running it, rounded up. Holding more, it releases one segment for a claim timeout, and a
 * live node with a free thread claims it within its claim interval. Nothing is ever taken by force: a segment
 * only moves when its holder lets go (or dies and its claim runs out, which Axon's token store handles), and a
 * released segment nobody takes comes back to this node when the release ends. So the worst a wrong count
 * can do is delay a segment, never process it twice at once nor lose it.
 */
class SegmentShare implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentShare.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final NodeRoster roster;
    private final ProcessingProperties properties;
    private volatile ScheduledExecutorService ticker;

    SegmentShare(EventProcessingConfiguration processing, TokenStore tokens, NodeRoster roster,
                 ProcessingProperties properties) {
        this.processing = processing;
        this.tokens = tokens;
        this.roster = roster;
        this.properties = properties;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-share");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeat().toMillis();
        executor.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
        ticker = executor;
        log.info("Node {} shares {} segment(s) per tracking processor with the other live nodes",
                roster.self(), properties.segments());
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = ticker;
        ticker = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                roster.leave();
            } catch (RuntimeException e) {
                log.warn("Could not leave the node roster; the others will notice the silence instead", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    void tick() {
        try {
            List<TrackingEventProcessor> running = processing.eventProcessors().values().stream()
                    .filter(TrackingEventProcessor.class::isInstance)
                    .map(TrackingEventProcessor.class::cast)
                    .filter(TrackingEventProcessor::isRunning)
                    .toList();
            roster.beat(running.stream().map(TrackingEventProcessor::getName).toList());
            roster.look();
            running.forEach(this::keepShare);
        } catch (RuntimeException e) {
            log.warn("Heartbeat or segment share check failed; trying again at the next beat", e);
        }
    }

    private void keepShare(TrackingEventProcessor processor) {
        var held = processor.processingStatus().keySet();
        if (held.size() <= 1) {
            return;
        }
        String name = processor.getName();
        int segments = tokens.fetchSegments(name).length;
        int nodes = roster.liveNodesRunning(name);
        int share = (segments + nodes - 1) / nodes;
        if (held.size() > share) {
            int segment = held.stream().mapToInt(Integer::intValue).max().orElseThrow();
            log.info("Releasing segment {} of {}: this node holds {} of {} segments and {} live node(s) run it {}",
                    segment, name, held.size(), segments, nodes, roster.liveNodes());
            processor.releaseSegment(segment, properties.claimTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}

package io.hotline.query.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The log as the processors of rebuilding read models read it: a processor's stream joins a
 * {@link RebuildConvoy} whose window still holds the events after its token, else starts a new one. Read models
 * rebuilt together (every rebuild started within a window's reach of the others) thus read the log once between
 * them instead of once each: reading and decoding the log was about a third of a rebuild's CPU, paid once per
 * read model. A stream whose token carries no position reads on its own.
 * <p>
 * A rebuilding processor that switches to live keeps its stream, so after a rebuild the read models rebuilt
 * together go on following the log through one shared read; at the head of the log the window holds only what
 * one of them still needs.
 */
final class RebuildConvoys implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> log;
    private final int window;
    private final Duration patience;
    private final List<RebuildConvoy> convoys = new CopyOnWriteArrayList<>();

    /**
     * @param window   the most events a convoy holds: how far its fastest member may run ahead of its slowest
     * @param patience how long a convoy waits for a member that keeps its window full before leaving it behind
     */
    RebuildConvoys(StreamableMessageSource<TrackedEventMessage<?>> log, int window, Duration patience) {
        if (window < 4) {
            throw new IllegalArgumentException("a shared read needs a window of at least 4 events, not " + window);
        }
        this.log = log;
        this.window = window;
        this.patience = patience;
    }

    @Override
    public synchronized BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        if (token != null && token.position().isEmpty()) {
            return log.openStream(token);
        }
        for (RebuildConvoy convoy : convoys) {
            Optional<RebuildConvoy.Member> member = convoy.join(token);
            if (member.isPresent()) {
                return member.get();
            }
        }
        RebuildConvoy started = new RebuildConvoy(log, token, window, patience, convoys::remove);
        convoys.add(started);
        return started.begin();
    }

    /** How many shared reads are under way (for tests). */
    int running() {
        return convoys.size();
    }

    @Override
    public TrackingToken createTailToken() {
        return log.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return log.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return log.createTokenAt(dateTime);
    }

    /** The position of the last event a token covers: -1 before the first event. */
    static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElseThrow();
    }
}

package io.hotline.infra.eventstore;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follows the log for the tracking processors. Positions are dense and the log is contiguous (see
 * {@link CommitLog}), so a token is a plain {@link GlobalSequenceTrackingToken}: no gap lists, no gap time-outs,
 * no clock involved, and a node whose clock lags cannot make a tracker skip anything. A reader that finds a hole
 * has caught up with a write in flight and stops there until its next poll.
 */
final class LogFollower {

    private final CommitLog log;

    LogFollower(CommitLog log) {
        this.log = log;
    }

    /** Up to {@code batchSize} events after {@code lastToken}, in position order. */
    List<? extends TrackedEventData<?>> after(TrackingToken lastToken, int batchSize) {
        long from = lastToken == null ? 0 : lastToken.position().orElse(-1) + 1;
        long lookBack = Math.max(0, from - (CommitLog.MAX_EVENTS_PER_COMMIT - 1));
        TreeMap<Long, Document> found = log.commitsFrom(lookBack, from + batchSize);
        List<TrackedEventData<?>> result = new ArrayList<>();
        long expected = from;
        while (result.size() < batchSize) {
            Map.Entry<Long, Document> containing = found.floorEntry(expected);
            if (containing == null || CommitLog.next(containing.getValue()) <= expected) {
                break; // not written yet, or a write still in flight: the log is contiguous, so wait for it
            }
            Document commit = containing.getValue();
            long position = CommitLog.position(commit);
            for (Document event : CommitLog.events(commit)) {
                if (position >= expected) {
                    result.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position),
                            StoredEvents.eventData(commit, event)));
                }
                position++;
            }
            expected = CommitLog.next(commit);
        }
        return result;
    }

    /** The token of the last event stored, or null for an empty log. */
    TrackingToken headToken() {
        long next = log.readHead();
        return next == 0 ? null : new GlobalSequenceTrackingToken(next - 1);
    }

    /**
     * The token just before the first event stored at or after {@code dateTime}. Positions are dense, so this is
     * a binary search of point lookups rather than a range scan. Event times follow positions closely but not
     * strictly (writers on different nodes), so the answer can be off by events written within that skew.
     */
    TrackingToken tokenAt(Instant dateTime) {
        long low = 0;
        long high = log.readHead();
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (timestampAt(middle).isBefore(dateTime)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low == 0 ? null : new GlobalSequenceTrackingToken(low - 1);
    }

    private Instant timestampAt(long position) {
        Document commit = log.commitsBetween(Math.max(0, position - (CommitLog.MAX_EVENTS_PER_COMMIT - 1)), position + 1)
                .values().stream()
                .filter(c -> CommitLog.position(c) <= position && position < CommitLog.next(c))
                .findFirst()
                .orElseThrow(() -> new EventStoreException("Event log has no event at position " + position));
        Document event = CommitLog.events(commit).get((int) (position - CommitLog.position(commit)));
        return Instant.parse(event.getString(CommitLog.TIMESTAMP));
    }
}

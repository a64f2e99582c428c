package io.hotline.query.readmodel;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A projection that stores one processor batch's changes at once instead of event by event: it reads what the
 * batch needs in one lookup when the batch {@linkplain #begin begins}, applies the events in memory, and writes
 * each touched document once when the batch is {@linkplain #flush flushed}. {@link BatchBoundary} drives it
 * inside the batch's unit of work, so the flush comes before the processor stores the batch's token: a batch
 * cut short anywhere is delivered again from its first event, and the projection's own idempotence (each
 * projection documents how) makes the second delivery finish the first.
 * <p>
 * Outside a batch (tests, a projection fed by hand) a projection writes every change through as it makes it.
 */
public interface ProjectionBatch {

    /** A batch begins: {@code events} are what it will deliver, in order. */
    void begin(List<? extends EventMessage<?>> events);

    /** The next event of the open batch is about to be handled. */
    default void next(EventMessage<?> event) {
    }

    /** Stores everything the open batch changed, then tells readers; the batch is closed afterwards. */
    void flush();

    /** The open batch failed: forget what it changed (its events come again) and close it. */
    void discard();

    /** The aggregates (cases) the events belong to, in order of first appearance. */
    static Set<String> aggregates(List<? extends EventMessage<?>> events) {
        Set<String> ids = new LinkedHashSet<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                ids.add(domain.getAggregateIdentifier());
            }
        }
        return ids;
    }

    /** The position of an event in the log, when it came from a tracking processor. */
    static OptionalLong position(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position();
        }
        return OptionalLong.empty();
    }
}

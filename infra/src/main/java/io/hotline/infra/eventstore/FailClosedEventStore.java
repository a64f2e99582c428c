package io.hotline.infra.eventstore;

import io.hotline.command.cases.CaseRecordDamaged;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Function;

/**
 * Axon's embedded event store, except that loading a case for a command fails closed when its record has lost
 * events: the events read in order (from the snapshot, if any) must reach the last sequence number the store
 * acknowledged ({@link CaseHeads}). Otherwise the load throws {@link CaseRecordDamaged}, so the command is refused
 * and nothing is appended over the gap, and an integrity alert is logged and counted
 * ({@code hotline.integrity.alerts}).
 * <p>
 * Only {@link #readEvents(String)}, the aggregate's way in, is checked. The auditors read a case's history through
 * {@link #readEvents(String, long)}, unchecked on purpose: a damaged case is exactly the one they must still read.
 */
final class FailClosedEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(FailClosedEventStore.class);

    private final Function<String, Optional<Long>> lastAcknowledged;
    private final MeterRegistry meters;

    FailClosedEventStore(Builder builder, Function<String, Optional<Long>> lastAcknowledged, MeterRegistry meters) {
        super(builder);
        this.lastAcknowledged = lastAcknowledged;
        this.meters = meters;
    }

    /**
     * The head is read before the events, never after: a commit acknowledged before the read began must be among
     * the events read, while one stored during the read (another command on the case) may or may not be, and is
     * then an ordinary concurrent change for the append to detect, not damage.
     */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        Optional<Long> acknowledged = lastAcknowledged.apply(aggregateIdentifier);
        DomainEventStream events = acknowledged.isPresent() ? super.readEvents(aggregateIdentifier)
                : fromTheFirstEvent(aggregateIdentifier);
        return new Checked(aggregateIdentifier, acknowledged, events);
    }

    /**
     * A case with no acknowledged commit is read from its first event without asking for a snapshot: almost always
     * it has no events yet (it is being registered), and the snapshot lookup would be a round trip to the store
     * for nothing. Should it have events after all (its head not yet written by another node), it loads whole from
     * them, which a snapshot would only have shortened.
     */
    private DomainEventStream fromTheFirstEvent(String caseId) {
        return DomainEventStream.concat(storageEngine().readEvents(caseId),
                DomainEventStream.of(stagedDomainEventMessages(caseId)));
    }

    private void requireComplete(String caseId, Optional<Long> acknowledged, Long lastRead) {
        long found = lastRead == null ? -1 : lastRead;
        if (acknowledged.isPresent() && found < acknowledged.get()) {
            meters.counter("hotline.integrity.alerts", "kind", "case-record-gap").increment();
            log.error("INTEGRITY ALERT: case {} was acknowledged up to event {} but reads only up to {}; its commands "
                    + "are refused until the record is restored", caseId, acknowledged.get(), found);
            throw new CaseRecordDamaged(caseId, found, acknowledged.get());
        }
    }

    /** The case's events as read, checked once they run out. */
    private final class Checked implements DomainEventStream {

        private final String caseId;
        private final Optional<Long> acknowledged;
        private final DomainEventStream events;
        private boolean checked;

        Checked(String caseId, Optional<Long> acknowledged, DomainEventStream events) {
            this.caseId = caseId;
            this.acknowledged = acknowledged;
            this.events = events;
        }

        @Override
        public DomainEventMessage<?> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNext() {
            boolean more = events.hasNext();
            if (!more && !checked) {
                checked = true;
                requireComplete(caseId, acknowledged, events.getLastSequenceNumber());
            }
            return more;
        }

        @Override
        public DomainEventMessage<?> next() {
            return events.next();
        }

        @Override
        public Long getLastSequenceNumber() {
            return events.getLastSequenceNumber();
        }
    }
}

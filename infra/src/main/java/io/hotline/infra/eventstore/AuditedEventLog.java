package io.hotline.infra.eventstore;

import io.hotline.query.audit.log.ChainBreak;
import io.hotline.query.audit.log.EventLog;
import io.hotline.query.audit.log.LoggedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The auditors' {@link EventLog} over this engine. A case's events come through Axon's
 * {@link EventStore#readEvents(String, long)} (typed payloads and metadata, the same upcasting as the aggregate
 * gets; never a snapshot, which is not history), joined with what only the stored commits know: each event's
 * global position and its payload as stored. Those lookups follow the case's commits by their unique key, so
 * reading a page of a long history never scans the log.
 */
final class AuditedEventLog implements EventLog {

    private final EventStore events;
    private final CommitLog log;
    private final HashChain chain;

    AuditedEventLog(EventStore events, CommitLog log) {
        this.events = events;
        this.log = log;
        this.chain = new HashChain(log);
    }

    @Override
    public long size(String caseId) {
        return events.lastSequenceNumberFor(caseId).map(last -> last + 1).orElse(0L);
    }

    @Override
    public List<LoggedEvent> read(String caseId, long from, int max) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        var stream = events.readEvents(caseId, from);
        while (stream.hasNext() && messages.size() < max) {
            messages.add(stream.next());
        }
        if (messages.isEmpty()) {
            return List.of();
        }
        Map<String, Stored> stored = stored(caseId, messages.get(0).getSequenceNumber(),
                messages.get(messages.size() - 1).getSequenceNumber());
        List<LoggedEvent> result = new ArrayList<>(messages.size());
        for (DomainEventMessage<?> message : messages) {
            Stored raw = stored.get(message.getIdentifier());
            result.add(new LoggedEvent(message.getAggregateIdentifier(), message.getType(),
                    message.getSequenceNumber(), message.getIdentifier(), message.getTimestamp(),
                    message.getPayload(), message.getPayloadType(), message.getMetaData(),
                    raw == null ? null : raw.position(), raw == null ? null : raw.payload()));
        }
        return result;
    }

    @Override
    public Optional<ChainBreak> verifyCase(String caseId) {
        return chain.verifyCase(caseId).map(AuditedEventLog::plain);
    }

    @Override
    public Optional<ChainBreak> verifyLog(BiConsumer<Long, Long> progress) {
        return chain.verifyLog(progress).map(AuditedEventLog::plain);
    }

    private static ChainBreak plain(io.hotline.infra.eventstore.ChainBreak at) {
        return new ChainBreak(at.caseId(), at.sequenceNumber(), at.eventId(), at.position(), at.reason());
    }

    private record Stored(long position, String payload) {
    }

    /** Position and stored payload (as JSON) of the events {@code first..last} of the case, by event id. */
    private Map<String, Stored> stored(String caseId, long first, long last) {
        Map<String, Stored> found = new HashMap<>();
        Document commit = log.commitHolding(caseId, first);
        while (commit != null) {
            long position = CommitLog.position(commit);
            for (Document event : CommitLog.events(commit)) {
                Object payload = event.get(CommitLog.PAYLOAD);
                found.put(event.getString(CommitLog.EVENT_ID), new Stored(position++,
                        payload instanceof Document document ? document.toJson(StoredEvents.JSON) : null));
            }
            long lastSeq = CommitLog.lastSeq(commit);
            if (lastSeq >= last) {
                break;
            }
            commit = log.commitStartingAt(caseId, lastSeq + 1);
        }
        return found;
    }
}

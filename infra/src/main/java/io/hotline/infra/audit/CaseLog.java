package io.hotline.infra.audit;

import com.mongodb.client.MongoCollection;
import io.hotline.infra.eventstore.MongoCommitLogStorageEngine;
import io.hotline.infra.roles.Roles;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one case's events for the auditor: through Axon's {@link EventStore#readEvents(String, long)} (typed
 * payloads and metadata, the same upcasting as the aggregate gets; never a snapshot, which is not history), and
 * joins what only the raw log knows: each event's global position and its payload as stored.
 * <p>
 * The raw lookups follow the case's commits by {@code (aggregateId, firstSeq)}, the unique key the event log
 * itself uses, so reading a page of a long history never scans the log.
 */
@Component
@Conditional(Roles.QueryRole.class)
class CaseLog {

    /** The event log's collection: one document per commit (see {@code MongoCommitLogStorageEngine}). */
    static final String COMMITS = "events";

    private final EventStore events;
    private final MongoCollection<Document> commits;

    CaseLog(EventStore events, MongoDatabaseFactory mongo) {
        this.events = events;
        this.commits = mongo.getMongoDatabase().getCollection(COMMITS);
    }

    /** How many events the case has: 0 for a case that does not exist. */
    long size(String caseId) {
        return events.lastSequenceNumberFor(caseId).map(last -> last + 1).orElse(0L);
    }

    /** Every event of the case, in order. */
    List<LoggedEvent> all(String caseId) {
        return read(caseId, 0, Integer.MAX_VALUE);
    }

    /** At most {@code max} events from sequence number {@code from} on, in order. */
    List<LoggedEvent> read(String caseId, long from, int max) {
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
            result.add(new LoggedEvent(message, raw == null ? null : raw.position(),
                    raw == null ? null : raw.payload()));
        }
        return result;
    }

    private record Stored(long position, Document payload) {
    }

    /** Position and stored payload of the events {@code first..last} of the case, by event id. */
    private Map<String, Stored> stored(String caseId, long first, long last) {
        Map<String, Stored> found = new HashMap<>();
        Document commit = MongoCommitLogStorageEngine.commitHolding(commits, caseId, first);
        while (commit != null) {
            long position = commit.get("_id", Number.class).longValue();
            for (Document event : commit.getList("events", Document.class)) {
                Object payload = event.get("payload");
                found.put(event.getString("eventId"),
                        new Stored(position++, payload instanceof Document document ? document : null));
            }
            long lastSeq = commit.get("lastSeq", Number.class).longValue();
            if (lastSeq >= last) {
                break;
            }
            commit = MongoCommitLogStorageEngine.commitStartingAt(commits, caseId, lastSeq + 1);
        }
        return found;
    }
}

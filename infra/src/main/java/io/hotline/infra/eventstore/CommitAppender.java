package io.hotline.infra.eventstore;

import com.mongodb.MongoWriteException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Turns the events of a unit of work into sealed commit documents and appends them to the {@link CommitLog}.
 * The events one command produced for one case become one commit, so they are visible together or not at all
 * (MongoDB writes one document atomically; neither the embedded server nor a replica set needs a transaction).
 * <p>
 * A unique index on {@code (aggregateId, firstSeq)} makes two commits that start at the same sequence number of
 * one case collide: exactly one wins, the other is reported as a conflict. Since a loader always sees whole
 * commits, its next commit starts at a commit boundary, so any two writers that loaded the same version collide
 * on the same key.
 */
final class CommitAppender {

    private static final int REMEMBERED_CASES = 10_000;

    private final CommitLog log;
    /** The last hash of recently written cases, so sealing a commit rarely needs a lookup. */
    private final Map<String, ChainHead> chainHeads = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChainHead> eldest) {
            return size() > REMEMBERED_CASES;
        }
    };

    CommitAppender(CommitLog log) {
        this.log = log;
    }

    /**
     * Appends {@code events}; a commit refused for a conflict on its case goes to {@code conflict}, which decides
     * what to throw (Axon's concurrency exception).
     */
    void append(List<? extends EventMessage<?>> events, Serializer serializer,
                BiConsumer<Exception, EventMessage<?>> conflict) {
        List<List<? extends EventMessage<?>>> grouped = groupIntoCommits(events);
        int stored = grouped.size() > 1 ? appendInOneBatch(grouped, serializer) : 0;
        for (List<? extends EventMessage<?>> commit : grouped.subList(stored, grouped.size())) {
            Document document = toCommitDocument(commit, serializer);
            try {
                log.append(document);
                stored(document);
            } catch (MongoWriteException e) {
                conflict.accept(e, commit.get(0));
            } catch (RuntimeException e) {
                throw new EventStoreException("Could not store events of " + CommitLog.aggregateId(document), e);
            }
        }
    }

    /**
     * Consecutive events of the same aggregate form one commit; an event that belongs to no aggregate is a
     * commit of its own.
     */
    private static List<List<? extends EventMessage<?>>> groupIntoCommits(List<? extends EventMessage<?>> events) {
        List<List<? extends EventMessage<?>>> result = new ArrayList<>();
        List<EventMessage<?>> current = new ArrayList<>();
        String currentAggregate = null;
        for (EventMessage<?> event : events) {
            String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
            boolean continues = aggregate != null && aggregate.equals(currentAggregate)
                    && current.size() < CommitLog.MAX_EVENTS_PER_COMMIT;
            if (!continues && !current.isEmpty()) {
                result.add(current);
                current = new ArrayList<>();
            }
            current.add(event);
            currentAggregate = aggregate;
        }
        if (!current.isEmpty()) {
            result.add(current);
        }
        return result;
    }

    /**
     * Several commits (several cases in one unit of work, or a bulk import) go to consecutive positions in one
     * write; on any refusal the rest is left to the one-by-one path.
     */
    private int appendInOneBatch(List<List<? extends EventMessage<?>>> grouped, Serializer serializer) {
        if (grouped.stream().map(commit -> aggregateOf(commit.get(0))).distinct().count() < grouped.size()) {
            return 0; // a case twice in one batch: its second commit must be sealed after the first is stored
        }
        List<Document> documents = grouped.stream().map(commit -> toCommitDocument(commit, serializer)).toList();
        int inserted = log.appendConsecutive(documents);
        documents.subList(0, inserted).forEach(this::stored);
        return inserted;
    }

    private static String aggregateOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    private Document toCommitDocument(List<? extends EventMessage<?>> commit, Serializer serializer) {
        EventMessage<?> first = commit.get(0);
        String aggregateId;
        String aggregateType;
        long firstSeq;
        if (first instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            aggregateType = domain.getType();
            firstSeq = domain.getSequenceNumber();
        } else {
            // Not an aggregate's event: it still needs a unique (aggregateId, firstSeq) key.
            aggregateId = "~event:" + first.getIdentifier();
            aggregateType = null;
            firstSeq = 0;
        }
        List<Document> entries = new ArrayList<>(commit.size());
        long seq = firstSeq;
        for (EventMessage<?> event : commit) {
            entries.add(StoredEvents.entry(event, seq++, serializer));
        }
        EventChain.seal(aggregateId, entries, previousHash(aggregateId, firstSeq));
        return new Document(CommitLog.AGGREGATE_ID, aggregateId)
                .append(CommitLog.AGGREGATE_TYPE, aggregateType)
                .append(CommitLog.FIRST_SEQ, firstSeq)
                .append(CommitLog.LAST_SEQ, seq - 1)
                .append(CommitLog.COUNT, commit.size())
                .append(CommitLog.EVENTS, entries);
    }

    /** The hash of the case's event just before {@code firstSeq}; recent cases' last hashes are remembered. */
    private String previousHash(String aggregateId, long firstSeq) {
        if (firstSeq == 0) {
            return "";
        }
        ChainHead known;
        synchronized (chainHeads) {
            known = chainHeads.get(aggregateId);
        }
        if (known != null && known.lastSeq() == firstSeq - 1) {
            return known.hash();
        }
        Document previous = log.commitHolding(aggregateId, firstSeq - 1);
        if (previous == null) {
            throw new EventStoreException("Case " + aggregateId + " has no event before sequence " + firstSeq);
        }
        List<Document> events = CommitLog.events(previous);
        return String.valueOf(EventChain.storedHash(events.get(events.size() - 1)));
    }

    /**
     * A commit is stored: its case's head moves on (for the fail-closed load) and its last hash is remembered. A
     * case's first commit notes no head: losing it loses the whole case, which then answers as missing and takes no
     * command, so registrations, most of the intake's writes, cost no head write.
     */
    private void stored(Document commit) {
        if (commit.get(CommitLog.AGGREGATE_TYPE) != null && CommitLog.lastSeq(commit) > 0) {
            log.caseHeads().note(CommitLog.aggregateId(commit), CommitLog.lastSeq(commit));
        }
        rememberChainHead(commit);
    }

    private void rememberChainHead(Document commit) {
        List<Document> events = CommitLog.events(commit);
        ChainHead head = new ChainHead(CommitLog.lastSeq(commit), EventChain.storedHash(events.get(events.size() - 1)));
        synchronized (chainHeads) {
            chainHeads.put(CommitLog.aggregateId(commit), head);
        }
    }

    private record ChainHead(long lastSeq, String hash) {
    }
}

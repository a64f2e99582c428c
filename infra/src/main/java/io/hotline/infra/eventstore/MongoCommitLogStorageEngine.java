package io.hotline.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * An Axon event storage engine over MongoDB that gives every event a dense, gap-free global position.
 *
 * <h2>Why gap-free allocation under a unique index, and why one document per commit</h2>
 * The events that one command produces for one aggregate are stored as a single <em>commit</em> document, so
 * they become visible together or not at all: MongoDB writes one document atomically, and neither the embedded
 * server nor a replica set needs a multi-document transaction for it. A commit document's {@code _id} is the
 * global position of its first event; its events occupy positions {@code _id .. next-1}, and the next commit
 * must start exactly at {@code next}.
 * <p>
 * A writer takes its position by inserting at the position it believes is free. If another writer got there
 * first, the insert fails on the unique {@code _id}, the writer reads that commit's {@code next} and tries
 * again there. So a position is "taken" and "stored" in one atomic step: there is no window in which a
 * position is reserved but empty, no position is ever skipped, and a writer that stalls before inserting only
 * moves to a later position when it wakes up. Because every commit at position p+1 was inserted after the
 * commit covering p became durable and visible, the log is contiguous; a reader that finds a hole has only
 * caught up with a write in flight, and simply stops there until the next poll. That lets tracking tokens be
 * a plain {@link GlobalSequenceTrackingToken}: no gap lists, no gap time-outs, no clock involved, so a node
 * whose clock lags cannot make a tracker skip anything.
 * <p>
 * The alternative, a counter with gap-aware tokens as Axon's JDBC engine does, has to guess when a gap is
 * permanent (a time-out) and carries the gaps in every token; both are avoided here. The price is that
 * concurrent writers to the one log serialise on its head; within a node a lock orders them, across nodes
 * a collision costs one failed insert and one lookup.
 *
 * <h2>Optimistic concurrency</h2>
 * A unique index on {@code (aggregateId, firstSeq)} makes two commits that start at the same sequence number
 * of one aggregate collide: exactly one wins, the other gets a {@code ConcurrencyException}. Since a loader
 * always sees whole commits, its next commit starts at a commit boundary, so any two writers that loaded the
 * same version collide on the same key.
 *
 * <h2>Unique-key lookups only</h2>
 * Every hot read is an {@code _id} or unique-index lookup: following the log reads a window of positions with
 * {@code _id $in [...]}, loading an aggregate follows its commits by {@code (aggregateId, firstSeq)}.
 * The embedded MongoDB-compatible server only uses unique indexes; a real MongoDB uses them too.
 * <p>
 * Payloads and metadata are stored as readable JSON documents, so an auditor can read the log directly.
 */
public class MongoCommitLogStorageEngine extends BatchingEventStorageEngine {

    /** The largest number of events one commit may hold; bounds how far back a reader looks for a commit. */
    public static final int MAX_EVENTS_PER_COMMIT = 64;

    static final String AGGREGATE_COMMIT_INDEX = "aggregate_commit";
    private static final String HEAD_ID = "eventlog";
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> heads;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final AppendPause appendPause;
    private final Runnable makeDurable;
    /** The last hash of recently written cases, so sealing a commit rarely needs a lookup. */
    private final Map<String, ChainHead> chainHeads = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChainHead> eldest) {
            return size() > 10_000;
        }
    };
    private volatile long nextPositionHint = -1;
    private final java.util.concurrent.atomic.AtomicLong unpublishedHead = new java.util.concurrent.atomic.AtomicLong(-1);

    protected MongoCommitLogStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.commits = database.getCollection(builder.collectionPrefix + "events");
        this.snapshots = database.getCollection(builder.collectionPrefix + "snapshots");
        this.heads = database.getCollection(builder.collectionPrefix + "event_heads");
        this.appendPause = builder.appendPause;
        this.makeDurable = builder.makeDurable;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the indexes this engine relies on; idempotent, run at start-up. */
    public void ensureIndexes() {
        commits.createIndex(Indexes.ascending("aggregateId", "firstSeq"),
                new IndexOptions().unique(true).name(AGGREGATE_COMMIT_INDEX));
    }

    // ---------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<List<? extends EventMessage<?>>> grouped = groupIntoCommits(events);
        int stored = grouped.size() > 1 ? appendInOneBatch(grouped, serializer) : 0;
        for (List<? extends EventMessage<?>> commit : grouped.subList(stored, grouped.size())) {
            Document document = toCommitDocument(commit, serializer);
            try {
                append(document);
            } catch (MongoWriteException e) {
                handlePersistenceException(e, commit.get(0));
            } catch (RuntimeException e) {
                throw new EventStoreException("Could not store events of " + document.getString("aggregateId"), e);
            }
        }
        // Only now may the caller be told "stored": flush what the store buffers (the embedded file backend).
        makeDurable.run();
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
                    && current.size() < MAX_EVENTS_PER_COMMIT;
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

    private Document toCommitDocument(List<? extends EventMessage<?>> commit, Serializer serializer) {
        EventMessage<?> first = commit.get(0);
        List<Document> entries = new ArrayList<>(commit.size());
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
        long seq = firstSeq;
        for (EventMessage<?> event : commit) {
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            entries.add(new Document("eventId", event.getIdentifier())
                    .append("seq", seq++)
                    .append("timestamp", event.getTimestamp().toString())
                    .append("payloadType", payload.getType().getName())
                    .append("payloadRevision", payload.getType().getRevision())
                    .append("payload", readableJson(payload.getData()))
                    .append("metaData", readableJson(metaData.getData())));
        }
        EventChain.seal(aggregateId, entries, previousHash(aggregateId, firstSeq));
        return new Document("aggregateId", aggregateId)
                .append("aggregateType", aggregateType)
                .append("firstSeq", firstSeq)
                .append("lastSeq", seq - 1)
                .append("count", commit.size())
                .append("events", entries);
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
        Document previous = commitHolding(commits, aggregateId, firstSeq - 1);
        if (previous == null) {
            throw new EventStoreException("Case " + aggregateId + " has no event before sequence " + firstSeq);
        }
        List<Document> events = previous.getList("events", Document.class);
        return String.valueOf(EventChain.storedHash(events.get(events.size() - 1)));
    }

    private void rememberChainHead(Document commit) {
        List<Document> events = commit.getList("events", Document.class);
        ChainHead head = new ChainHead(commit.getLong("lastSeq"), EventChain.storedHash(events.get(events.size() - 1)));
        synchronized (chainHeads) {
            chainHeads.put(commit.getString("aggregateId"), head);
        }
    }

    private record ChainHead(long lastSeq, String hash) {
    }

    // ---------------------------------------------------------------- tamper evidence

    /** Recomputes one case's hash chain from its stored events; empty when intact. */
    public Optional<ChainBreak> verifyCase(String caseId) {
        String previous = "";
        long expectedSeq = 0;
        Document commit = commitStartingAt(caseId, 0);
        while (commit != null) {
            long position = commit.getLong("_id");
            for (Document event : commit.getList("events", Document.class)) {
                Optional<ChainBreak> broken = check(caseId, event, position++, expectedSeq++, previous);
                if (broken.isPresent()) {
                    return broken;
                }
                previous = EventChain.storedHash(event);
            }
            commit = commitStartingAt(caseId, commit.getLong("lastSeq") + 1);
        }
        return Optional.empty();
    }

    /**
     * Walks the whole log in position order and checks every case's chain, reporting progress as positions
     * done out of the head; stops at the first break.
     */
    public Optional<ChainBreak> verifyLog(java.util.function.BiConsumer<Long, Long> progress) {
        long head = readHead();
        Map<String, ChainHead> heads = new java.util.HashMap<>();
        long position = 0;
        while (position < head) {
            List<Long> window = LongStream.range(position, Math.min(head, position + 500)).boxed().toList();
            TreeMap<Long, Document> found = new TreeMap<>();
            for (Document commit : commits.find(Filters.in("_id", window))) {
                found.put(commit.getLong("_id"), commit);
            }
            if (found.isEmpty() || found.firstKey() != position) {
                return Optional.of(new ChainBreak(null, -1, null, position, "no commit stored at this log position"));
            }
            for (Document commit : found.values()) {
                if (commit.getLong("_id") != position) {
                    break; // the next window starts here
                }
                String caseId = commit.getString("aggregateId");
                ChainHead last = heads.get(caseId);
                String previous = last == null ? "" : last.hash();
                long expectedSeq = last == null ? 0 : last.lastSeq() + 1;
                long at = position;
                for (Document event : commit.getList("events", Document.class)) {
                    Optional<ChainBreak> broken = check(caseId, event, at++, expectedSeq++, previous);
                    if (broken.isPresent()) {
                        return broken;
                    }
                    previous = EventChain.storedHash(event);
                }
                heads.put(caseId, new ChainHead(expectedSeq - 1, previous));
                position = commit.getLong("next");
            }
            progress.accept(position, head);
        }
        return Optional.empty();
    }

    private static Optional<ChainBreak> check(String caseId, Document event, long position, long expectedSeq,
                                              String previous) {
        long seq = event.get("seq", Number.class).longValue();
        String eventId = event.getString("eventId");
        if (seq != expectedSeq) {
            return Optional.of(new ChainBreak(caseId, seq, eventId, position,
                    "expected sequence " + expectedSeq + ": an event is missing or out of order"));
        }
        if (!previous.equals(EventChain.storedPrevious(event))) {
            return Optional.of(new ChainBreak(caseId, seq, eventId, position,
                    "does not follow the event before it (prevHash differs)"));
        }
        if (!EventChain.hashOf(caseId, event, previous).equals(EventChain.storedHash(event))) {
            return Optional.of(new ChainBreak(caseId, seq, eventId, position,
                    "its stored content does not match its hash: it was changed after it was written"));
        }
        return Optional.empty();
    }

    /**
     * Several commits (several cases in one unit of work, or a bulk import) go to consecutive positions in one
     * ordered {@code insertMany}: one round trip instead of one per commit. Returns how many were stored; on any
     * refusal the rest is left to the one-by-one path, which knows how to resolve it. Each commit is still one
     * document, so each stays atomic on its own.
     */
    private int appendInOneBatch(List<List<? extends EventMessage<?>>> grouped, Serializer serializer) {
        if (grouped.stream().map(commit -> aggregateOf(commit.get(0))).distinct().count() < grouped.size()) {
            return 0; // a case twice in one batch: its second commit must be sealed after the first is stored
        }
        List<Document> documents = grouped.stream().map(commit -> toCommitDocument(commit, serializer)).toList();
        appendLock.lock();
        try {
            long position = nextPositionHint >= 0 ? nextPositionHint : readHead();
            appendPause.beforeInsert(position);
            for (Document document : documents) {
                document.put("_id", position);
                position += document.getInteger("count");
                document.put("next", position);
            }
            int inserted;
            try {
                commits.insertMany(documents);
                inserted = documents.size();
            } catch (com.mongodb.MongoBulkWriteException e) {
                // Ordered: everything before the first refused document is stored, nothing after it. (Not the
                // result's inserted count: the embedded server reports every document of the batch there.)
                inserted = e.getWriteErrors().stream().mapToInt(com.mongodb.bulk.BulkWriteError::getIndex).min()
                        .orElse(0);
            }
            if (inserted > 0) {
                documents.subList(0, inserted).forEach(this::rememberChainHead);
                long next = documents.get(inserted - 1).getLong("next");
                nextPositionHint = next;
                publishHead(next);
            } else {
                nextPositionHint = -1; // someone else wrote where we aimed: find the head again
            }
            return inserted;
        } finally {
            appendLock.unlock();
        }
    }

    private static String aggregateOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    /** Takes the next free position and stores the commit there, in one atomic insert. */
    private void append(Document commit) {
        int count = commit.getInteger("count");
        appendLock.lock();
        try {
            long position = nextPositionHint >= 0 ? nextPositionHint : readHead();
            appendPause.beforeInsert(position);
            while (true) {
                commit.put("_id", position);
                commit.put("next", position + count);
                try {
                    commits.insertOne(commit);
                    rememberChainHead(commit);
                    nextPositionHint = position + count;
                    publishHead(position + count);
                    return;
                } catch (MongoWriteException e) {
                    if (!isDuplicateOnId(e)) {
                        commit.remove("_id");
                        throw e;
                    }
                    // Another writer stored a commit at this position first: continue after it.
                    position = nextAfter(position);
                    appendPause.beforeRetry(position);
                }
            }
        } finally {
            appendLock.unlock();
        }
    }

    private long nextAfter(long position) {
        Document taken = commits.find(Filters.eq("_id", position)).projection(new Document("next", 1)).first();
        if (taken == null) {
            // Lost between the failed insert and this read: impossible while commits are never deleted.
            throw new EventStoreException("Event log position " + position + " reported taken but not found");
        }
        return taken.getLong("next");
    }

    private static boolean isDuplicateOnId(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                && !String.valueOf(e.getError().getMessage()).contains(AGGREGATE_COMMIT_INDEX);
    }

    /**
     * The head record is only a hint for where to start (readers and writers verify it by following commits), so
     * it need not be written with every append: appends only note the newest head, and {@link #flushHead()}
     * (called every few hundred milliseconds, and at shutdown) writes it. A stale hint costs a restarted writer a
     * few lookups, never correctness.
     */
    private void publishHead(long next) {
        unpublishedHead.accumulateAndGet(next, Math::max);
    }

    /** Writes the newest head noted since the last flush, if any. */
    public void flushHead() {
        long next = unpublishedHead.getAndSet(-1);
        if (next >= 0) {
            heads.updateOne(Filters.eq("_id", HEAD_ID), Updates.max("next", next), new UpdateOptions().upsert(true));
        }
    }

    /** The first free position: the head hint, advanced past any commits stored after the hint was written. */
    private long readHead() {
        Document head = heads.find(Filters.eq("_id", HEAD_ID)).first();
        long position = head == null ? 0 : head.getLong("next");
        Document commit;
        while ((commit = commits.find(Filters.eq("_id", position)).projection(new Document("next", 1)).first()) != null) {
            position = commit.getLong("next");
        }
        return position;
    }

    // ---------------------------------------------------------------- following the log

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long from = lastToken == null ? 0 : lastToken.position().orElse(-1) + 1;
        long lookBack = Math.max(0, from - (MAX_EVENTS_PER_COMMIT - 1));
        List<Long> window = LongStream.range(lookBack, from + batchSize).boxed().toList();
        TreeMap<Long, Document> found = new TreeMap<>();
        for (Document commit : commits.find(Filters.in("_id", window))) {
            found.put(commit.getLong("_id"), commit);
        }
        List<TrackedEventData<?>> result = new ArrayList<>();
        long expected = from;
        while (result.size() < batchSize) {
            Map.Entry<Long, Document> containing = found.floorEntry(expected);
            if (containing == null || containing.getValue().getLong("next") <= expected) {
                break; // not written yet, or a write still in flight: the log is contiguous, so wait for it
            }
            Document commit = containing.getValue();
            long position = commit.getLong("_id");
            for (Document event : commit.getList("events", Document.class)) {
                if (position >= expected) {
                    result.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position),
                            toEventData(commit, event)));
                }
                position++;
            }
            expected = commit.getLong("next");
        }
        return result;
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long next = readHead();
        return next == 0 ? null : new GlobalSequenceTrackingToken(next - 1);
    }

    /**
     * The token just before the first event stored at or after {@code dateTime}. Positions are dense, so this is
     * a binary search of point lookups rather than a range scan. Event times follow positions closely but not
     * strictly (writers on different nodes), so the answer can be off by events written within that skew.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 0;
        long high = readHead();
        while (low < high) {
            long middle = (low + high) >>> 1;
            Instant at = timestampAt(middle);
            if (at.isBefore(dateTime)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low == 0 ? null : new GlobalSequenceTrackingToken(low - 1);
    }

    private Instant timestampAt(long position) {
        List<Long> window = LongStream.rangeClosed(Math.max(0, position - (MAX_EVENTS_PER_COMMIT - 1)), position)
                .boxed().toList();
        Document commit = commits.find(Filters.in("_id", window)).into(new ArrayList<>()).stream()
                .filter(c -> c.getLong("_id") <= position && position < c.getLong("next"))
                .findFirst()
                .orElseThrow(() -> new EventStoreException("Event log has no event at position " + position));
        Document event = commit.getList("events", Document.class).get((int) (position - commit.getLong("_id")));
        return Instant.parse(event.getString("timestamp"));
    }

    // ---------------------------------------------------------------- loading an aggregate

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        long firstSeq = firstSequenceNumber;
        Document commit = commitStartingAt(aggregateIdentifier, firstSeq);
        if (commit == null && firstSeq > 0) {
            // Asked for a sequence number inside a commit (rare: a snapshot taken mid-commit): walk from the start.
            firstSeq = 0;
            commit = commitStartingAt(aggregateIdentifier, 0);
        }
        List<DomainEventData<?>> result = new ArrayList<>();
        while (commit != null && result.size() < batchSize) {
            for (Document event : commit.getList("events", Document.class)) {
                if (event.getLong("seq") >= firstSequenceNumber) {
                    result.add(toEventData(commit, event));
                }
            }
            commit = commitStartingAt(aggregateIdentifier, commit.getLong("lastSeq") + 1);
        }
        return result;
    }

    private Document commitStartingAt(String aggregateId, long firstSeq) {
        return commitStartingAt(commits, aggregateId, firstSeq);
    }

    /** The commit of {@code aggregateId} starting at {@code firstSeq}, or null: one unique-key lookup. */
    public static Document commitStartingAt(MongoCollection<Document> commits, String aggregateId, long firstSeq) {
        return commits.find(commitKey(aggregateId, firstSeq)).first();
    }

    /**
     * The commit of {@code aggregateId} whose events include sequence number {@code seq}, or null: it starts at most
     * {@link #MAX_EVENTS_PER_COMMIT} - 1 events before it, so each start from {@code seq} down is tried, one
     * unique-key lookup each (an {@code $in} over the starts would scan the whole log on the embedded server, which
     * uses a compound index for equality only).
     */
    public static Document commitHolding(MongoCollection<Document> commits, String aggregateId, long seq) {
        for (long start = seq; start >= Math.max(0, seq - (MAX_EVENTS_PER_COMMIT - 1)); start--) {
            Document commit = commitStartingAt(commits, aggregateId, start);
            if (commit != null) {
                return commit.get("lastSeq", Number.class).longValue() >= seq ? commit : null;
            }
        }
        return null;
    }

    /**
     * The filter for the commit of {@code aggregateId} starting at {@code firstSeq}: a plain document naming exactly
     * the unique index's two fields. Not {@code Filters.and(eq, eq)}: the driver renders that as {@code $and}, which a
     * real MongoDB resolves through the index but the embedded server does not (it uses an index only for a filter
     * whose fields are the index's own), so every such lookup scanned the whole log there.
     */
    public static Bson commitKey(String aggregateId, long firstSeq) {
        return new Document("aggregateId", aggregateId).append("firstSeq", firstSeq);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Long last = null;
        Document commit = commitStartingAt(aggregateIdentifier, 0);
        while (commit != null) {
            last = commit.getLong("lastSeq");
            commit = commitStartingAt(aggregateIdentifier, last + 1);
        }
        return Optional.ofNullable(last);
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document document = new Document("_id", snapshot.getAggregateIdentifier())
                .append("aggregateType", snapshot.getType())
                .append("seq", snapshot.getSequenceNumber())
                .append("eventId", snapshot.getIdentifier())
                .append("timestamp", snapshot.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
        snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), document,
                new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(snapshot.getString("aggregateType"), aggregateIdentifier,
                snapshot.getLong("seq"), snapshot.getString("eventId"), snapshot.getString("timestamp"),
                snapshot.getString("payloadType"), snapshot.getString("payloadRevision"),
                snapshot.getString("payload"), snapshot.getString("metaData")));
    }

    // ---------------------------------------------------------------- (de)serialisation helpers

    private static DomainEventData<String> toEventData(Document commit, Document event) {
        String type = commit.getString("aggregateType");
        return new GenericDomainEventEntry<>(type, type == null ? null : commit.getString("aggregateId"),
                event.getLong("seq"), event.getString("eventId"), event.getString("timestamp"),
                event.getString("payloadType"), event.getString("payloadRevision"),
                jsonText(event.get("payload")), jsonText(event.get("metaData")));
    }

    /** JSON objects are kept as documents (readable in any Mongo tool); anything else as its JSON text. */
    private static Object readableJson(String json) {
        String trimmed = json == null ? "null" : json.trim();
        return trimmed.startsWith("{") ? Document.parse(trimmed) : trimmed;
    }

    private static String jsonText(Object stored) {
        return stored instanceof Document document ? document.toJson(JSON) : (String) stored;
    }

    /** For tests: observe each commit document in position order. */
    List<Document> rawCommits(int limit) {
        return commits.find().into(new ArrayList<>()).stream()
                .sorted(Comparator.comparingLong(c -> c.getLong("_id")))
                .limit(limit)
                .toList();
    }

    /**
     * A hook between taking a position and storing the commit, so tests can stall a writer exactly there.
     * Production uses {@link #NONE}.
     */
    @FunctionalInterface
    public interface AppendPause {

        AppendPause NONE = position -> {
        };

        void beforeInsert(long position);

        /** Before trying again further on, after another writer took the position: by default the same pause. */
        default void beforeRetry(long position) {
            beforeInsert(position);
        }

        static AppendPause sleeping(Duration duration) {
            return position -> {
                try {
                    Thread.sleep(duration.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
        }

        /**
         * Stalls every {@code every}-th commit for {@code duration} after it has picked its position and before
         * it stores there: a slow writer (a long GC pause, a saturated link), as the failure tests inject it on
         * one node. Only the first attempt of a commit stalls; its retries further on go straight ahead, as a
         * writer that has woken up would.
         */
        static AppendPause everyNth(int every, Duration duration) {
            if (every < 1) {
                throw new IllegalArgumentException("a stall needs every >= 1, not " + every);
            }
            AtomicLong commits = new AtomicLong();
            AppendPause stall = sleeping(duration);
            return new AppendPause() {
                @Override
                public void beforeInsert(long position) {
                    if (commits.incrementAndGet() % every == 0) {
                        stall.beforeInsert(position);
                    }
                }

                @Override
                public void beforeRetry(long position) {
                    // a woken writer does not stall again on its way forward
                }
            };
        }
    }

    /** Recognises the unique-index violation on {@code (aggregateId, firstSeq)}: a concurrent modification. */
    static final class AggregateCommitConflicts implements PersistenceExceptionResolver {

        @Override
        public boolean isDuplicateKeyViolation(Exception exception) {
            return exception instanceof MongoWriteException write
                    && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                    && String.valueOf(write.getError().getMessage()).contains(AGGREGATE_COMMIT_INDEX);
        }
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String collectionPrefix = "";
        private AppendPause appendPause = AppendPause.NONE;
        private Runnable makeDurable = () -> {
        };

        Builder() {
            persistenceExceptionResolver(new AggregateCommitConflicts());
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder collectionPrefix(String collectionPrefix) {
            this.collectionPrefix = collectionPrefix;
            return this;
        }

        public Builder appendPause(AppendPause appendPause) {
            this.appendPause = appendPause;
            return this;
        }

        /**
         * Called after events are stored and before the append returns: the embedded store flushes its file
         * here, so an acknowledged event survives a crash of the process. A real MongoDB needs nothing
         * (journaled, majority-acknowledged writes).
         */
        public Builder makeDurable(Runnable makeDurable) {
            this.makeDurable = makeDurable;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public MongoCommitLogStorageEngine build() {
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("a MongoDatabase is required");
            }
            return new MongoCommitLogStorageEngine(this);
        }
    }
}

package io.hotline.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.LongStream;

/**
 * The layout of the event log in MongoDB, and the allocation of its positions. This is the one class that names
 * the collections and the fields of a stored commit; the rest of the engine reads commits through it.
 *
 * <h2>Layout</h2>
 * One document per <em>commit</em> (the events one command produced for one case) in {@code events}: its
 * {@code _id} is the global position of its first event, {@code next} the position after its last, and
 * {@code (aggregateId, firstSeq)} is unique. Each entry of {@code events} holds one event: {@code eventId},
 * {@code seq}, {@code timestamp}, {@code payloadType}, {@code payloadRevision}, {@code payload}, {@code metaData}
 * (payload and metadata as readable JSON documents). {@code event_heads} holds a hint of the first free position.
 *
 * <h2>Why gap-free allocation under a unique index</h2>
 * A writer takes its position by inserting at the position it believes is free. If another writer got there
 * first, the insert fails on the unique {@code _id}, the writer reads that commit's {@code next} and tries
 * again there. So a position is "taken" and "stored" in one atomic step: there is no window in which a
 * position is reserved but empty, no position is ever skipped, and a writer that stalls before inserting only
 * moves to a later position when it wakes up. The log is therefore contiguous; a reader that finds a hole has
 * only caught up with a write in flight. Within a node a lock orders the writers; across nodes a collision costs
 * one failed insert and one lookup.
 *
 * <h2>Unique-key lookups only</h2>
 * Every hot read is an {@code _id} or unique-index lookup: the embedded MongoDB-compatible server only uses
 * unique indexes, and a real MongoDB uses them too.
 */
final class CommitLog {

    /** The largest number of events one commit may hold; bounds how far back a reader looks for a commit. */
    static final int MAX_EVENTS_PER_COMMIT = 64;
    static final String AGGREGATE_COMMIT_INDEX = "aggregate_commit";

    static final String COMMITS = "events";
    static final String SNAPSHOTS = "snapshots";
    static final String HEADS = "event_heads";
    private static final String HEAD_ID = "eventlog";

    // a commit's fields
    static final String POSITION = "_id";
    static final String NEXT = "next";
    static final String AGGREGATE_ID = "aggregateId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String FIRST_SEQ = "firstSeq";
    static final String LAST_SEQ = "lastSeq";
    static final String COUNT = "count";
    static final String EVENTS = "events";
    // an event's fields (in a commit's events, and in a snapshot)
    static final String EVENT_ID = "eventId";
    static final String SEQ = "seq";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> heads;
    private final CaseHeads caseHeads;
    private final CommitWrites writes;
    private final ReentrantLock appendLock = new ReentrantLock();
    private volatile long nextPositionHint = -1;
    private final AtomicLong unpublishedHead = new AtomicLong(-1);

    /** The log in {@code database}, its commits stored through {@code writes} (tests decorate them). */
    CommitLog(MongoDatabase database, CommitWrites writes) {
        this.commits = database.getCollection(COMMITS);
        this.snapshots = database.getCollection(SNAPSHOTS);
        this.heads = database.getCollection(HEADS);
        this.caseHeads = new CaseHeads(database);
        this.writes = writes;
    }

    /** The log in {@code database}, written without decoration. */
    static CommitLog in(MongoDatabase database) {
        return new CommitLog(database, plainWrites(database));
    }

    /** Writes straight into the commit collection of {@code database}. */
    static CommitWrites plainWrites(MongoDatabase database) {
        MongoCollection<Document> commits = database.getCollection(COMMITS);
        return new CommitWrites() {
            @Override
            public void insertOne(Document commit) {
                commits.insertOne(commit);
            }

            @Override
            public void insertMany(List<Document> batch) {
                commits.insertMany(batch);
            }
        };
    }

    /** Creates the indexes the log relies on; idempotent, run at start-up. */
    void ensureIndexes() {
        commits.createIndex(Indexes.ascending(AGGREGATE_ID, FIRST_SEQ),
                new IndexOptions().unique(true).name(AGGREGATE_COMMIT_INDEX));
    }

    MongoCollection<Document> commits() {
        return commits;
    }

    MongoCollection<Document> snapshots() {
        return snapshots;
    }

    /** The last acknowledged sequence number of each case, for loads that must fail closed on a gap. */
    CaseHeads caseHeads() {
        return caseHeads;
    }

    // ---------------------------------------------------------------- reading commits

    /** The commit of {@code aggregateId} starting at {@code firstSeq}, or null: one unique-key lookup. */
    Document commitStartingAt(String aggregateId, long firstSeq) {
        return commits.find(commitKey(aggregateId, firstSeq)).first();
    }

    /**
     * The case's first commit starting after {@code seq}, wherever it is: for the auditors' check that nothing is
     * missing between two commits or after the last one reached by key. A range over the key, not a lookup: off the
     * hot path on purpose (it may scan on the embedded store).
     */
    Document firstCommitAfter(String aggregateId, long seq) {
        return commits.find(Filters.and(Filters.eq(AGGREGATE_ID, aggregateId), Filters.gt(FIRST_SEQ, seq)))
                .sort(Sorts.ascending(FIRST_SEQ)).first();
    }

    /**
     * The commit of {@code aggregateId} whose events include sequence number {@code seq}, or null: it starts at most
     * {@link #MAX_EVENTS_PER_COMMIT} - 1 events before it, so each start from {@code seq} down is tried, one
     * unique-key lookup each (an {@code $in} over the starts would scan the whole log on the embedded server, which
     * uses a compound index for equality only).
     */
    Document commitHolding(String aggregateId, long seq) {
        for (long start = seq; start >= Math.max(0, seq - (MAX_EVENTS_PER_COMMIT - 1)); start--) {
            Document commit = commitStartingAt(aggregateId, start);
            if (commit != null) {
                return lastSeq(commit) >= seq ? commit : null;
            }
        }
        return null;
    }

    /**
     * The filter for the commit of {@code aggregateId} starting at {@code firstSeq}: a plain document naming exactly
     * the unique index's two fields. Not {@code Filters.and(eq, eq)}: the driver renders that as {@code $and}, which a
     * real MongoDB resolves through the index but the embedded server does not (it uses an index only for a filter
     * whose fields are the index's own), so every such lookup would scan the whole log there.
     */
    static Bson commitKey(String aggregateId, long firstSeq) {
        return new Document(AGGREGATE_ID, aggregateId).append(FIRST_SEQ, firstSeq);
    }

    /**
     * Positions asked for in one {@code $in}. The embedded server finds each through the unique index, then checks
     * every document found against the whole list again (a linear scan of the list per document), so one lookup of
     * n positions costs n² comparisons: a window of 1,000 positions took a million. Lists of 100 keep that check
     * small beside the lookup itself; a real MongoDB does not mind either way.
     */
    static final int IN_LIST = 100;

    /** The commits stored at positions {@code from} (inclusive) to {@code to} (exclusive), by position. */
    TreeMap<Long, Document> commitsBetween(long from, long to) {
        TreeMap<Long, Document> found = new TreeMap<>();
        for (long start = from; start < to; start += IN_LIST) {
            find(start, Math.min(to, start + IN_LIST), found);
        }
        return found;
    }

    /**
     * The same, read window by window only as far as the log reaches: it stops after the first window that the
     * commits found do not fill to its end. The log is contiguous, so beyond its head or a write in flight there is
     * nothing a reader could use yet. A processor at the head asks for a whole batch past its token, most of it not
     * written yet: that was a find for every window of it, each poll.
     */
    TreeMap<Long, Document> commitsFrom(long from, long to) {
        TreeMap<Long, Document> found = new TreeMap<>();
        for (long start = from; start < to; start += IN_LIST) {
            long end = Math.min(to, start + IN_LIST);
            find(start, end, found);
            long reach = found.isEmpty() ? from : next(found.lastEntry().getValue());
            if (reach < end) {
                break;
            }
        }
        return found;
    }

    private void find(long start, long end, TreeMap<Long, Document> found) {
        List<Long> window = LongStream.range(start, end).boxed().toList();
        for (Document commit : commits.find(Filters.in(POSITION, window))) {
            found.put(position(commit), commit);
        }
    }

    static long position(Document commit) {
        return commit.get(POSITION, Number.class).longValue();
    }

    static long next(Document commit) {
        return commit.get(NEXT, Number.class).longValue();
    }

    static long firstSeq(Document commit) {
        return commit.get(FIRST_SEQ, Number.class).longValue();
    }

    static long lastSeq(Document commit) {
        return commit.get(LAST_SEQ, Number.class).longValue();
    }

    static String aggregateId(Document commit) {
        return commit.getString(AGGREGATE_ID);
    }

    static List<Document> events(Document commit) {
        return commit.getList(EVENTS, Document.class);
    }

    /** For tests: each commit document in position order. */
    List<Document> rawCommits(int limit) {
        return commits.find().into(new ArrayList<>()).stream()
                .sorted(Comparator.comparingLong(CommitLog::position))
                .limit(limit)
                .toList();
    }

    // ---------------------------------------------------------------- allocating positions

    /** Takes the next free position and stores the commit there, in one atomic insert. */
    void append(Document commit) {
        int count = commit.getInteger(COUNT);
        appendLock.lock();
        try {
            long position = nextPositionHint >= 0 ? nextPositionHint : readHead();
            while (true) {
                commit.put(POSITION, position);
                commit.put(NEXT, position + count);
                try {
                    writes.insertOne(commit);
                    nextPositionHint = position + count;
                    publishHead(position + count);
                    return;
                } catch (MongoWriteException e) {
                    if (!isDuplicateOnPosition(e)) {
                        commit.remove(POSITION);
                        throw e;
                    }
                    // Another writer stored a commit at this position first: continue after it.
                    position = nextAfter(position);
                }
            }
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Stores several commits at consecutive positions in one ordered {@code insertMany}: one round trip instead of
     * one per commit. Returns how many were stored; the rest is left to {@link #append}, which knows how to resolve
     * a refusal. Each commit is still one document, so each stays atomic on its own.
     */
    int appendConsecutive(List<Document> documents) {
        appendLock.lock();
        try {
            long position = nextPositionHint >= 0 ? nextPositionHint : readHead();
            for (Document document : documents) {
                document.put(POSITION, position);
                position += document.getInteger(COUNT);
                document.put(NEXT, position);
            }
            int inserted;
            try {
                writes.insertMany(documents);
                inserted = documents.size();
            } catch (MongoBulkWriteException e) {
                // Ordered: everything before the first refused document is stored, nothing after it. (Not the
                // result's inserted count: the embedded server reports every document of the batch there.)
                inserted = e.getWriteErrors().stream().mapToInt(BulkWriteError::getIndex).min().orElse(0);
            }
            if (inserted > 0) {
                long next = next(documents.get(inserted - 1));
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

    private long nextAfter(long position) {
        Document taken = commits.find(Filters.eq(POSITION, position)).projection(new Document(NEXT, 1)).first();
        if (taken == null) {
            // Lost between the failed insert and this read: impossible while commits are never deleted.
            throw new EventStoreException("Event log position " + position + " reported taken but not found");
        }
        return next(taken);
    }

    private static boolean isDuplicateOnPosition(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && !isAggregateConflict(e);
    }

    /** The unique-index violation on {@code (aggregateId, firstSeq)}: two writers of one case, one version. */
    static boolean isAggregateConflict(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                && String.valueOf(e.getError().getMessage()).contains(AGGREGATE_COMMIT_INDEX);
    }

    // ---------------------------------------------------------------- the head

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
    void flushHead() {
        long next = unpublishedHead.getAndSet(-1);
        if (next >= 0) {
            heads.updateOne(Filters.eq(POSITION, HEAD_ID), Updates.max(NEXT, next), new UpdateOptions().upsert(true));
        }
    }

    /** The first free position: the head hint, advanced past any commits stored after the hint was written. */
    long readHead() {
        Document head = heads.find(Filters.eq(POSITION, HEAD_ID)).first();
        long position = head == null ? 0 : next(head);
        Document commit;
        while ((commit = commits.find(Filters.eq(POSITION, position)).projection(new Document(NEXT, 1)).first()) != null) {
            position = next(commit);
        }
        return position;
    }
}

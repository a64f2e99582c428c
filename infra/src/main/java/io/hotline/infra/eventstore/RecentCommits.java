package io.hotline.infra.eventstore;

import org.bson.Document;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commits the tracking processors read last, kept for the others on this node. In a rebuild every read model's
 * processor reads the whole log, each on its own, at about the same pace: without this each commit was fetched
 * from the store and decoded once per processor, which took about a third of a rebuild's CPU.
 * <p>
 * A kept commit is the stored one: commits are never changed or deleted once stored (see {@link CommitLog}). Only
 * commits actually read are kept, so a hole (a write still in flight) is never filled from here; the reader goes to
 * the store for it as before. Bounded by the events held: past {@code capacity} the lowest positions leave first
 * (a processor far behind the others reads from the store, as every processor did before).
 */
final class RecentCommits {

    private final ConcurrentSkipListMap<Long, Document> commits = new ConcurrentSkipListMap<>();
    private final AtomicLong events = new AtomicLong();
    private final long capacity;

    RecentCommits(long capacity) {
        this.capacity = capacity;
    }

    /**
     * The kept commits from the one holding position {@code from}, in order and without a gap, until one reaches
     * {@code to} or the next is not kept; empty when the commit holding {@code from} is not kept.
     */
    TreeMap<Long, Document> from(long from, long to) {
        TreeMap<Long, Document> found = new TreeMap<>();
        Map.Entry<Long, Document> holding = commits.floorEntry(from);
        if (holding == null || CommitLog.next(holding.getValue()) <= from) {
            return found;
        }
        Document commit = holding.getValue();
        while (commit != null) {
            found.put(CommitLog.position(commit), commit);
            long next = CommitLog.next(commit);
            commit = next < to ? commits.get(next) : null;
        }
        return found;
    }

    /** Keeps commits just read from the store, then lets the oldest go past the capacity. */
    void keep(Map<Long, Document> read) {
        read.forEach((position, commit) -> {
            if (commits.putIfAbsent(position, commit) == null) {
                events.addAndGet(size(commit));
            }
        });
        while (events.get() > capacity) {
            Map.Entry<Long, Document> oldest = commits.pollFirstEntry();
            if (oldest == null) {
                break;
            }
            events.addAndGet(-size(oldest.getValue()));
        }
    }

    /** How many events are kept. */
    long events() {
        return events.get();
    }

    private static long size(Document commit) {
        return CommitLog.next(commit) - CommitLog.position(commit);
    }
}

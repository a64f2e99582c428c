package io.hotline.infra.eventstore;

import org.bson.Document;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Recomputes the hash chains ({@link EventChain}) from what is stored now: one case's, following its commits by
 * their unique key, or every case's at once, walking the whole log in position order. Reads only.
 */
final class HashChain {

    private static final int WINDOW = 500;

    private final CommitLog log;

    HashChain(CommitLog log) {
        this.log = log;
    }

    /** One case's chain: empty when intact, else its first break. */
    Optional<ChainBreak> verifyCase(String caseId) {
        String previous = "";
        long expectedSeq = 0;
        Document commit = log.commitStartingAt(caseId, 0);
        while (commit != null) {
            long position = CommitLog.position(commit);
            for (Document event : CommitLog.events(commit)) {
                Optional<ChainBreak> broken = check(caseId, event, position++, expectedSeq++, previous);
                if (broken.isPresent()) {
                    return broken;
                }
                previous = EventChain.storedHash(event);
            }
            commit = log.commitStartingAt(caseId, CommitLog.lastSeq(commit) + 1);
        }
        // a deleted commit between two others ends the walk by key early: look for any commit beyond it
        Document beyond = log.firstCommitAfter(caseId, expectedSeq - 1);
        if (beyond != null) {
            long next = CommitLog.firstSeq(beyond);
            return Optional.of(new ChainBreak(caseId, expectedSeq, null, -1,
                    "sequence number" + (next - expectedSeq > 1 ? "s " + expectedSeq + " to " + (next - 1) + " are"
                            : " " + expectedSeq + " is") + " missing: the commit holding "
                            + (next - expectedSeq > 1 ? "them" : "it") + " is gone from the log"));
        }
        return Optional.empty();
    }

    /**
     * Walks the whole log in position order and checks every case's chain, reporting progress as positions
     * done out of the head; stops at the first break.
     */
    Optional<ChainBreak> verifyLog(BiConsumer<Long, Long> progress) {
        long head = log.readHead();
        Map<String, Last> lastOfCase = new HashMap<>();
        long position = 0;
        while (position < head) {
            TreeMap<Long, Document> found = log.commitsBetween(position, Math.min(head, position + WINDOW));
            if (found.isEmpty() || found.firstKey() != position) {
                return Optional.of(new ChainBreak(null, -1, null, position, "no commit stored at this log position"));
            }
            for (Document commit : found.values()) {
                if (CommitLog.position(commit) != position) {
                    break; // the next window starts here
                }
                String caseId = CommitLog.aggregateId(commit);
                Last last = lastOfCase.get(caseId);
                String previous = last == null ? "" : last.hash();
                long expectedSeq = last == null ? 0 : last.seq() + 1;
                long at = position;
                for (Document event : CommitLog.events(commit)) {
                    Optional<ChainBreak> broken = check(caseId, event, at++, expectedSeq++, previous);
                    if (broken.isPresent()) {
                        return broken;
                    }
                    previous = EventChain.storedHash(event);
                }
                lastOfCase.put(caseId, new Last(expectedSeq - 1, previous));
                position = CommitLog.next(commit);
            }
            progress.accept(position, head);
        }
        return Optional.empty();
    }

    private record Last(long seq, String hash) {
    }

    private static Optional<ChainBreak> check(String caseId, Document event, long position, long expectedSeq,
                                              String previous) {
        long seq = event.get(CommitLog.SEQ, Number.class).longValue();
        String eventId = event.getString(CommitLog.EVENT_ID);
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
}

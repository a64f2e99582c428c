package io.hotline.query.audit.log;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The event log as the auditors' tools read it: a case's events in order with what the log keeps about each
 * (position, stored payload, seal), and the recomputation of the hash chains over what is stored now. Declared
 * here, implemented by the storage engine's module, so the audit tools never see how the log is stored.
 */
public interface EventLog {

    /** How many events the case has: 0 for a case that does not exist. */
    long size(String caseId);

    /** At most {@code max} events of the case from sequence number {@code from} on, in order. */
    List<LoggedEvent> read(String caseId, long from, int max);

    /** Every event of the case, in order. */
    default List<LoggedEvent> all(String caseId) {
        return read(caseId, 0, Integer.MAX_VALUE);
    }

    /** One case's hash chain recomputed from its stored events: empty when intact, else where it first breaks. */
    Optional<ChainBreak> verifyCase(String caseId);

    /**
     * Every case's chain, walking the whole log in position order; {@code progress} gets (positions done, total)
     * as it goes. Stops at the first break.
     */
    Optional<ChainBreak> verifyLog(BiConsumer<Long, Long> progress);
}

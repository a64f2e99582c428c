package io.hotline.infra.audit;

import io.hotline.infra.eventstore.ChainBreak;
import io.hotline.infra.eventstore.MongoCommitLogStorageEngine;
import io.hotline.infra.roles.Roles;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The auditors' handle on the event log's tamper evidence: the hash chain the storage engine seals every event
 * with, recomputed from what is stored now. The engine does the checking; this only asks it.
 */
@Component
@Conditional(Roles.QueryRole.class)
class ChainVerifier {

    private final MongoCommitLogStorageEngine engine;

    ChainVerifier(EventStorageEngine engine) {
        if (!(engine instanceof MongoCommitLogStorageEngine sealed)) {
            throw new IllegalStateException("The audit tools need the sealing event log (MongoCommitLogStorageEngine), "
                    + "found " + engine.getClass().getName());
        }
        this.engine = sealed;
    }

    /** One case's chain: intact, or where it first breaks. */
    Verdict verifyCase(String caseId, Instant checkedAt) {
        Optional<ChainBreak> broken = engine.verifyCase(caseId);
        return new Verdict(caseId, broken.isEmpty(), broken.orElse(null), checkedAt);
    }

    /** Every case's chain, walking the log in position order; {@code progress} gets (positions done, total). */
    Optional<ChainBreak> verifyLog(BiConsumer<Long, Long> progress) {
        return engine.verifyLog(progress);
    }

    /**
     * The answer about one case.
     *
     * @param caseId     the case
     * @param intact     true when every stored event still matches its seal and follows the one before
     * @param firstBreak where it does not, first: which event (sequence number, id, position) and why
     * @param checkedAt  when the chain was recomputed
     */
    record Verdict(String caseId, boolean intact, ChainBreak firstBreak, Instant checkedAt) {
    }
}

package io.hotline.query.audit.verify;

import io.hotline.query.audit.log.ChainBreak;
import io.hotline.query.audit.log.EventLog;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The auditors' handle on the event log's tamper evidence: the hash chain every event is sealed with,
 * recomputed from what is stored now. The log does the checking; this only asks it and dates the answer.
 */
@Component
public class ChainVerifier {

    private final EventLog log;

    ChainVerifier(EventLog log) {
        this.log = log;
    }

    /** One case's chain: intact, or where it first breaks. */
    public Verdict verifyCase(String caseId, Instant checkedAt) {
        Optional<ChainBreak> broken = log.verifyCase(caseId);
        return new Verdict(caseId, broken.isEmpty(), broken.orElse(null), checkedAt);
    }

    /** Every case's chain, walking the log in position order; {@code progress} gets (positions done, total). */
    Optional<ChainBreak> verifyLog(BiConsumer<Long, Long> progress) {
        return log.verifyLog(progress);
    }

    /**
     * The answer about one case.
     *
     * @param caseId     the case
     * @param intact     true when every stored event still matches its seal and follows the one before
     * @param firstBreak where it does not, first: which event (sequence number, id, position) and why
     * @param checkedAt  when the chain was recomputed
     */
    public record Verdict(String caseId, boolean intact, ChainBreak firstBreak, Instant checkedAt) {
    }
}

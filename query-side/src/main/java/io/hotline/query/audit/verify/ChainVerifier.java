package io.hotline.query.audit.verify;

import io.hotline.query.caseview.CaseLookup;
import java.time.Duration;
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

    private static final Duration VIEW_READ = Duration.ofSeconds(10);

    private final EventLog log;
    private final CaseLookup views;

    ChainVerifier(EventLog log, CaseLookup views) {
        this.log = log;
        this.views = views;
    }

    /**
     * One case's chain: intact, or where it first breaks. Every sequence number must be there: a commit deleted
     * between two others is a break, and so is a deleted last commit, which the log alone cannot see but the case
     * view, which applied those events, can: the view's version is a floor the log must reach. Blocking: call it
     * off the event loop.
     */
    public Verdict verifyCase(String caseId, Instant checkedAt) {
        Optional<ChainBreak> broken = log.verifyCase(caseId).or(() -> missingTail(caseId));
        return new Verdict(caseId, broken.isEmpty(), broken.orElse(null), checkedAt);
    }

    private Optional<ChainBreak> missingTail(String caseId) {
        long stored = log.size(caseId);
        long seen = views.find(caseId).map(view -> view.version() + 1).blockOptional(VIEW_READ).orElse(0L);
        if (seen <= stored) {
            return Optional.empty();
        }
        return Optional.of(new ChainBreak(caseId, stored, null, -1, "sequence number"
                + (seen - stored > 1 ? "s " + stored + " to " + (seen - 1) + " are" : " " + stored + " is")
                + " missing: the case view applied " + (seen - stored > 1 ? "them" : "it")
                + ", the log no longer holds " + (seen - stored > 1 ? "them" : "it")));
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

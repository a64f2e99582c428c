package io.hotline.command.intake;

import io.hotline.command.cases.CaseRecordDamaged;
import io.hotline.command.cases.CaseRuleViolation;
import io.hotline.kernel.cases.CaseMerged;
import io.hotline.kernel.cases.LinkRepeatedRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 并单 as a process. The operator's request does the first two steps (the original confirms it can take the
 * repeat, the repeat is merged: {@link CaseMerged} is stored); this process does the last, recording the repeat
 * on the original ({@link LinkRepeatedRequest}). It runs on a tracking processor, so the stored event is its
 * memory: a failure between the steps (a node dying, the store out of reach) leaves the event unhandled and
 * the processor tries it again ({@link MergeProcessConfiguration} makes a failure stop and retry, never skip).
 * The case acknowledges a link it already holds, so a repeat after an unclear failure changes nothing.
 * <p>
 * The case's own refusal (the original ended meanwhile, or its record is damaged) is an answer, not a failure: it
 * is logged, and the repeated request stays merged with its link to the original, as an operator can see on it.
 */
@Component
@ProcessingGroup(RepeatedRequestMerge.PROCESSING_GROUP)
class RepeatedRequestMerge {

    static final String PROCESSING_GROUP = "repeated-request-merge";

    private static final Logger log = LoggerFactory.getLogger(RepeatedRequestMerge.class);

    private final CommandGateway commands;

    RepeatedRequestMerge(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CaseMerged merged) {
        if (merged.caseNumber() == null) {
            // Stored before the merge became a process: the request that merged it linked it too.
            return;
        }
        try {
            commands.sendAndWait(new LinkRepeatedRequest(merged.intoCaseId(), merged.caseId(), merged.caseNumber(),
                    merged.actor()));
        } catch (RuntimeException e) {
            if (!refusedByTheCase(e)) {
                throw e;
            }
            log.warn("Case {} refused to record the repeated request {} merged into it: {}", merged.intoCaseId(),
                    merged.caseId(), e.getMessage());
        }
    }

    private static boolean refusedByTheCase(RuntimeException e) {
        Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
        // A damaged record is refused too: it does not heal by retrying, and waiting on it would stall every merge.
        return cause instanceof CaseRuleViolation || cause instanceof AggregateNotFoundException
                || cause instanceof CaseRecordDamaged;
    }
}

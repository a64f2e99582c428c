package io.hotline.command.deadlines;

import io.hotline.kernel.cases.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Files every deadline a case starts under the minutes when it must be looked at (its warning and its due
 * time). Idempotent: replaying the log files the same checks again, which changes nothing.
 */
@Component
@ProcessingGroup("deadline-schedule")
class DeadlineSchedule {

    private final DeadlineBuckets buckets;
    private final DeadlineWatchState state;

    DeadlineSchedule(DeadlineBuckets buckets, DeadlineWatchState state) {
        this.buckets = buckets;
        this.state = state;
    }

    @EventHandler
    void on(CaseDispatched event) {
        schedule(event.caseId(), event.signForDeadline());
    }

    @EventHandler
    void on(CaseRedispatched event) {
        schedule(event.caseId(), event.signForDeadline());
    }

    @EventHandler
    void on(LeadUnitDesignated event) {
        schedule(event.caseId(), event.signForDeadline());
    }

    @EventHandler
    void on(CaseTransferred event) {
        schedule(event.caseId(), event.signForDeadline());
    }

    @EventHandler
    void on(CaseDispatchedDown event) {
        schedule(event.caseId(), event.signForDeadline());
    }

    @EventHandler
    void on(ObjectionOverruled event) {
        schedule(event.caseId(), event.signForDeadline());
    }

    @EventHandler
    void on(ReplySubmittedForReview event) {
        schedule(event.caseId(), event.reviewDeadline());
    }

    @EventHandler
    void on(CaseSignedFor event) {
        schedule(event.caseId(), event.completionDeadline());
    }

    @EventHandler
    void on(ExtensionApproved event) {
        schedule(event.caseId(), event.completionDeadline());
    }

    @EventHandler
    void on(CaseReopened event) {
        schedule(event.caseId(), event.completionDeadline());
    }

    private void schedule(String caseId, Deadline deadline) {
        if (deadline != null) {
            buckets.schedule(caseId, deadline, state.nextMinuteToWatch());
        }
    }
}

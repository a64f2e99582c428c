package io.hotline.figures;

import io.hotline.kernel.cases.CaseDispatched;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.DeadlineMissed;
import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Appends one case's events to the application's event store as the case aggregate would (aggregate type
 * {@code Case}, aggregate id = case id, increasing sequence numbers), so the figures can be tested before
 * the aggregate emits them. Times are local times in Shanghai.
 */
final class CaseEvents {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Actor OPERATOR = Actor.of("op-1", "HOTLINE", Role.OPERATOR);

    private final EventStore store;
    private final String caseId;
    private long sequence;

    private CaseEvents(EventStore store, String caseId) {
        this.store = store;
        this.caseId = caseId;
    }

    static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(ZONE).toInstant();
    }

    static CaseEvents registered(EventStore store, String caseId, Category category, String area, Instant at) {
        return new CaseEvents(store, caseId).append(new CaseRegistered(caseId, "N-" + caseId, "req-" + caseId,
                Channel.HOTLINE, category, Urgency.NORMAL, "title", "content",
                new Citizen("张三", "13800138000", null), area, OPERATOR, at));
    }

    CaseEvents dispatched(String unit, Instant at, Instant signForDue) {
        return append(new CaseDispatched(caseId, unit, List.of(), unit, false,
                new Deadline(DeadlineKind.SIGN_FOR, at, signForDue, signForDue), OPERATOR, at));
    }

    CaseEvents dispatchedDown(String from, String to, Instant at, Instant signForDue) {
        return append(new io.hotline.kernel.cases.CaseDispatchedDown(caseId, from, to, List.of(), "please handle", 2,
                new Deadline(DeadlineKind.SIGN_FOR, at, signForDue, signForDue), handler(from), at));
    }

    CaseEvents signedFor(String unit, Instant at, boolean onTime, Instant completionDue) {
        return append(new CaseSignedFor(caseId, unit, onTime,
                new Deadline(DeadlineKind.COMPLETION, at, completionDue, completionDue), handler(unit), at));
    }

    CaseEvents signForMissed(String unit, Instant due) {
        return append(new DeadlineMissed(caseId, DeadlineKind.SIGN_FOR, unit, due, Actor.SYSTEM, due));
    }

    CaseEvents replied(String unit, Instant at, boolean onTime) {
        return append(new CaseReplied(caseId, unit, ReplyResult.SOLVED, "done", onTime, handler(unit), at));
    }

    CaseEvents feedback(Instant at, boolean satisfied, boolean solved) {
        return append(new FeedbackRecorded(caseId, FeedbackChannel.SMS,
                satisfied ? Satisfaction.SATISFIED : Satisfaction.DISSATISFIED, satisfied, solved, null, OPERATOR, at));
    }

    private CaseEvents append(Object payload) {
        store.publish(new GenericDomainEventMessage<>("Case", caseId, sequence++, payload));
        return this;
    }

    private static Actor handler(String unit) {
        return Actor.of("h-" + unit.toLowerCase(), unit, Role.UNIT_HANDLER);
    }
}

package io.hotline.query.figures;

import io.hotline.query.figures.facts.FakeWorkingCalendar;
import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseDispatchedDown;
import io.hotline.kernel.cases.CaseTakenBack;
import io.hotline.kernel.cases.ObjectionOverruled;
import io.hotline.kernel.cases.ReplyApproved;
import io.hotline.kernel.cases.ReplyReturned;
import io.hotline.kernel.cases.ReplySubmittedForReview;
import io.hotline.kernel.cases.CaseDispatched;
import io.hotline.kernel.cases.CaseMerged;
import io.hotline.kernel.cases.CaseRedirected;
import io.hotline.kernel.cases.CaseRedispatched;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseReopened;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.CaseResolvedAtIntake;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.cases.CaseTransferred;
import io.hotline.kernel.cases.CaseWithdrawn;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.DeadlineMissed;
import io.hotline.kernel.cases.ExtensionApproved;
import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.cases.JurisdictionObjected;
import io.hotline.kernel.cases.LeadUnitDesignated;
import io.hotline.kernel.cases.MaterialsRequested;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Jurisdiction;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One case's events as the aggregate would emit them, written as a story with local times in Shanghai
 * ({@code "2024-10-08T09:00"}); each event gets the next sequence number.
 */
public final class CaseScript {

    static final String INTAKE = "HOTLINE";
    private static final Actor OPERATOR = Actor.of("op-1", INTAKE, Role.OPERATOR);
    private static final Actor COORDINATOR = Actor.of("co-1", INTAKE, Role.COORDINATOR);

    /** One event with its place in its case's stream. */
    public record Booked(String caseId, long sequence, Instant at, Object event) {
    }

    private final String caseId;
    private final List<Booked> events = new ArrayList<>();

    private CaseScript(String caseId) {
        this.caseId = caseId;
    }

    public static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(FakeWorkingCalendar.ZONE).toInstant();
    }

    static CaseScript registered(String caseId, Category category, String area, String at) {
        CaseScript script = new CaseScript(caseId);
        return script.add(at, new CaseRegistered(caseId, "N-" + caseId, "req-" + caseId, Channel.HOTLINE, category,
                Urgency.NORMAL, "title", "content", new Citizen("张三", "13800138000", null), area, OPERATOR, at(at)));
    }

    CaseScript dispatched(String unit, String at, String signForDue) {
        return add(at, new CaseDispatched(caseId, unit, List.of(), unit, false,
                deadline(DeadlineKind.SIGN_FOR, at, signForDue), OPERATOR, at(at)));
    }

    CaseScript transferred(String from, String to, String at, String signForDue) {
        return add(at, new CaseTransferred(caseId, from, to, "not ours", deadline(DeadlineKind.SIGN_FOR, at, signForDue),
                handler(from), at(at)));
    }

    CaseScript redispatched(String from, String to, String at, String signForDue) {
        return add(at, new CaseRedispatched(caseId, from, to, List.of(), "objection upheld",
                deadline(DeadlineKind.SIGN_FOR, at, signForDue), OPERATOR, at(at)));
    }

    CaseScript designated(String previous, String unit, String at, String signForDue) {
        return add(at, new LeadUnitDesignated(caseId, previous, unit, List.of(), "coordinated",
                deadline(DeadlineKind.SIGN_FOR, at, signForDue), COORDINATOR, at(at)));
    }

    CaseScript objected(String unit, String at) {
        return add(at, new JurisdictionObjected(caseId, unit, "wrong locality", handler(unit), at(at)));
    }

    CaseScript signedFor(String unit, String at, boolean onTime, String completionDue) {
        return add(at, new CaseSignedFor(caseId, unit, onTime, deadline(DeadlineKind.COMPLETION, at, completionDue),
                handler(unit), at(at)));
    }

    CaseScript signForMissed(String unit, String due) {
        return add(due, new DeadlineMissed(caseId, DeadlineKind.SIGN_FOR, unit, at(due), Actor.SYSTEM, at(due)));
    }

    CaseScript completionMissed(String unit, String due) {
        return add(due, new DeadlineMissed(caseId, DeadlineKind.COMPLETION, unit, at(due), Actor.SYSTEM, at(due)));
    }

    CaseScript extensionApproved(String at, int extraWorkingDays, String newDue) {
        return add(at, new ExtensionApproved(caseId, extraWorkingDays, deadline(DeadlineKind.COMPLETION, at, newDue),
                COORDINATOR, at(at)));
    }

    CaseScript materialsRequested(String unit, String at, boolean repeated) {
        return add(at, new MaterialsRequested(caseId, unit, List.of("photo"), repeated, handler(unit), at(at)));
    }

    CaseScript replied(String unit, String at, boolean onTime) {
        return add(at, new CaseReplied(caseId, unit, ReplyResult.SOLVED, "done", onTime, handler(unit), at(at)));
    }

    CaseScript feedback(String at, Satisfaction satisfaction, boolean countsAsSatisfied, boolean solved) {
        return add(at, new FeedbackRecorded(caseId, FeedbackChannel.PHONE, satisfaction, countsAsSatisfied, solved,
                null, OPERATOR, at(at)));
    }

    /** An evaluation on {@code channel}: the citizen's own (SMS, web) by the citizen, the others by an operator. */
    CaseScript evaluated(FeedbackChannel channel, String at, Satisfaction satisfaction, boolean countsAsSatisfied) {
        Actor by = channel.isCitizensOwn() ? Actor.CITIZEN : OPERATOR;
        return add(at, new FeedbackRecorded(caseId, channel, satisfaction, countsAsSatisfied, countsAsSatisfied, null,
                by, at(at)));
    }

    CaseScript reopened(String unit, String at, String completionDue) {
        return add(at, new CaseReopened(caseId, unit, "dissatisfied", deadline(DeadlineKind.COMPLETION, at, completionDue),
                OPERATOR, at(at)));
    }

    CaseScript resolvedAtIntake(String at) {
        return add(at, new CaseResolvedAtIntake(caseId, "answered", OPERATOR, at(at)));
    }

    CaseScript redirected(String at) {
        return add(at, new CaseRedirected(caseId, Jurisdiction.COURT, "a court matter", OPERATOR, at(at)));
    }

    CaseScript merged(String intoCaseId, String at) {
        return add(at, new CaseMerged(caseId, intoCaseId, "N-" + intoCaseId, OPERATOR, at(at)));
    }

    CaseScript withdrawn(String at) {
        return add(at, new CaseWithdrawn(caseId, "solved itself", OPERATOR, at(at)));
    }

    CaseScript closed(String at) {
        return add(at, new CaseClosed(caseId, OPERATOR, at(at)));
    }

    CaseScript dispatchedDown(String from, String to, int level, String at, String signForDue) {
        return add(at, new CaseDispatchedDown(caseId, from, to, List.of(), "please handle", level,
                deadline(DeadlineKind.SIGN_FOR, at, signForDue), handler(from), at(at)));
    }

    CaseScript takenBack(String from, String unit, String at, String completionDue) {
        return add(at, new CaseTakenBack(caseId, from, unit, "we handle it", deadline(DeadlineKind.COMPLETION, at,
                completionDue), handler(unit), at(at)));
    }

    CaseScript objectionOverruled(String unit, String decidedBy, String at, String signForDue) {
        return add(at, new ObjectionOverruled(caseId, unit, decidedBy, "it is yours",
                signForDue == null ? null : deadline(DeadlineKind.SIGN_FOR, at, signForDue), handler(decidedBy), at(at)));
    }

    CaseScript submittedForReview(String unit, String reviewer, String at, boolean onTime, String reviewDue) {
        return add(at, new ReplySubmittedForReview(caseId, unit, reviewer, ReplyResult.SOLVED, "draft", onTime,
                deadline(DeadlineKind.REVIEW, at, reviewDue), handler(unit), at(at)));
    }

    CaseScript returned(String reviewer, String unit, String at, boolean onTime) {
        return add(at, new ReplyReturned(caseId, reviewer, unit, "not enough", onTime, handler(reviewer), at(at)));
    }

    /** The approval and the reply it releases, as the aggregate applies them: the drafting unit's reply. */
    CaseScript approved(String reviewer, String unit, String at, boolean reviewOnTime, boolean replyOnTime) {
        add(at, new ReplyApproved(caseId, reviewer, unit, "fine", reviewOnTime, handler(reviewer), at(at)));
        return add(at, new CaseReplied(caseId, unit, ReplyResult.SOLVED, "draft", replyOnTime, handler(reviewer), at(at)));
    }

    CaseScript reviewMissed(String reviewer, String due) {
        return add(due, new DeadlineMissed(caseId, DeadlineKind.REVIEW, reviewer, at(due), Actor.SYSTEM, at(due)));
    }

    public List<Booked> events() {
        return List.copyOf(events);
    }

    private CaseScript add(String at, Object event) {
        events.add(new Booked(caseId, events.size(), at(at), event));
        return this;
    }

    private static Deadline deadline(DeadlineKind kind, String startedAt, String due) {
        return new Deadline(kind, at(startedAt), at(due), at(due));
    }

    private static Actor handler(String unit) {
        return Actor.of("h-" + unit.toLowerCase(), unit, Role.UNIT_HANDLER);
    }
}

package io.hotline.query.figures.facts;

import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseDispatched;
import io.hotline.kernel.cases.CaseMerged;
import io.hotline.kernel.cases.CaseRedirected;
import io.hotline.kernel.cases.CaseRedispatched;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseReopened;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.CaseResolvedAtIntake;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.CaseTransferred;
import io.hotline.kernel.cases.CaseWithdrawn;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.DeadlineMissed;
import io.hotline.kernel.cases.ExtensionApproved;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.cases.JurisdictionObjected;
import io.hotline.kernel.cases.LeadUnitDesignated;
import io.hotline.kernel.cases.MaterialsRequested;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the figures need to know about one case, kept as one document per case ({@code _id} = case id) in
 * {@code case_figures}. The figures are never read from here: a case's {@link Contribution} to the buckets is
 * computed from these facts, and whenever the facts change the projection moves the case's contribution from
 * the old value to the new one. Holding the facts (not only counters) is what makes that move exact.
 * <p>
 * {@code version} is the sequence number of the last event applied; the projection skips anything at or
 * below it. Instants are kept to the millisecond, as the store keeps them, so a contribution computed before
 * saving equals the one computed after reading back. No personal data: the citizen never appears here.
 */
public final class CaseFacts {

    private static final Logger log = LoggerFactory.getLogger(CaseFacts.class);

    /** The unit recorded when an event names none, so every figure still lands in some unit's bucket. */
    static final String NO_UNIT = "NONE";
    static final String UNKNOWN = "UNKNOWN";

    public final String caseId;
    public long version = -1;
    Instant registeredAt;
    Channel channel;
    Category category;
    Urgency urgency;
    String area;
    /** The unit of the operator who registered the case: the hotline's intake desk. */
    String intakeUnit;
    CaseStatus status;
    /** Whether the case got an intake disposition (dispatched, answered, redirected, merged or withdrawn). */
    boolean accepted;
    /** The unit the case was first dispatched to, which owns it under 首问负责制. */
    String firstUnit;
    Instant dispatchedAt;
    String leadUnit;
    int transfers;
    int objections;
    int reopens;
    final List<SignForStep> signFors = new ArrayList<>();
    final List<AnswerRound> rounds = new ArrayList<>();
    final List<MaterialRequest> materialRequests = new ArrayList<>();
    /**
     * Each unit the case's figures have landed in, with its ancestors (root first) when the case first met it: the
     * subtree buckets the unit's cells go to. Never changed once set, so what a later event takes away from a
     * subtree is what an earlier one put there, even after the unit moved in the directory.
     */
    public final Map<String, List<String>> ancestry = new LinkedHashMap<>();

    public CaseFacts(String caseId) {
        this.caseId = caseId;
    }

    public CaseFacts copy() {
        CaseFacts copy = new CaseFacts(caseId);
        copy.version = version;
        copy.registeredAt = registeredAt;
        copy.channel = channel;
        copy.category = category;
        copy.urgency = urgency;
        copy.area = area;
        copy.intakeUnit = intakeUnit;
        copy.status = status;
        copy.accepted = accepted;
        copy.firstUnit = firstUnit;
        copy.dispatchedAt = dispatchedAt;
        copy.leadUnit = leadUnit;
        copy.transfers = transfers;
        copy.objections = objections;
        copy.reopens = reopens;
        signFors.forEach(step -> copy.signFors.add(step.copy()));
        rounds.forEach(round -> copy.rounds.add(round.copy()));
        copy.materialRequests.addAll(materialRequests);
        copy.ancestry.putAll(ancestry);
        return copy;
    }

    public void on(CaseRegistered event) {
        registeredAt = ms(event.registeredAt());
        channel = event.channel();
        category = event.category();
        urgency = event.urgency();
        area = event.area();
        intakeUnit = event.actor().unitId();
        if (status == null) {
            status = CaseStatus.REGISTERED;
        }
    }

    public void on(CaseDispatched event) {
        accepted = true;
        if (firstUnit == null) {
            firstUnit = unit(event.leadUnit());
            dispatchedAt = ms(event.at());
        }
        assign(event.leadUnit(), event.at(), event.signForDeadline());
    }

    public void on(CaseTransferred event) {
        transfers++;
        assign(event.toUnit(), event.at(), event.signForDeadline());
    }

    public void on(CaseRedispatched event) {
        assign(event.leadUnit(), event.at(), event.signForDeadline());
    }

    public void on(LeadUnitDesignated event) {
        assign(event.leadUnit(), event.at(), event.signForDeadline());
    }

    public void on(JurisdictionObjected event) {
        objections++;
    }

    /** The unit signs: its sign-for step is settled and its handling round (and clock) starts. */
    public void on(CaseSignedFor event) {
        String unit = unit(event.unit());
        SignForStep step = openStep().filter(open -> open.unit.equals(unit)).orElseGet(() -> {
            SignForStep unplanned = new SignForStep(unit, ms(event.at()), null);
            signFors.add(unplanned);
            return unplanned;
        });
        step.signedAt = ms(event.at());
        step.signedOnTime = event.signedOnTime();
        rounds.add(new AnswerRound(AnswerRound.Kind.HANDLING, unit, ms(event.at()), due(event.completionDeadline())));
        leadUnit = unit;
        status = CaseStatus.IN_HANDLING;
    }

    public void on(DeadlineMissed event) {
        if (event.kind() == DeadlineKind.SIGN_FOR) {
            openStep().filter(step -> !step.missed()).ifPresent(step -> step.missedAt = ms(event.at()));
        } else if (event.kind() == DeadlineKind.REVIEW) {
            LevelFacts.pendingDraft(this).filter(draft -> draft.reviewMissedAt == null)
                    .ifPresent(draft -> draft.reviewMissedAt = ms(event.at()));
        } else {
            openRoundOf(event.unit()).or(this::openRound).filter(round -> !round.missed()).ifPresent(round -> {
                round.missedAt = ms(event.at());
                round.missedDue = ms(event.due());
            });
        }
    }

    /** The completion deadline moves; an overdue declaration about the old deadline no longer stands. */
    public void on(ExtensionApproved event) {
        openRoundOf(leadUnit).or(this::openRound).ifPresent(round -> {
            round.due = due(event.completionDeadline());
            round.extensions++;
        });
    }

    public void on(MaterialsRequested event) {
        materialRequests.add(new MaterialRequest(ms(event.at()), unit(event.unit()), event.repeated()));
    }

    /** The reply ends the open handling round; its handling time is the working time since the round began. */
    public void on(CaseReplied event, WorkingTime workingTime) {
        String unit = unit(event.unit());
        // after 办结审核 the reply is the approved draft; otherwise the replying unit's open round (or the last one)
        AnswerRound round = LevelFacts.approvedDraft(this, unit).or(() -> openRoundOf(unit))
                .or(this::openRound).orElseGet(() -> {
                    AnswerRound unstarted = new AnswerRound(AnswerRound.Kind.HANDLING, unit, null, null);
                    rounds.add(unstarted);
                    return unstarted;
                });
        round.unit = unit;
        round.repliedAt = ms(event.at());
        if (!round.submitted()) {
            round.replyOnTime = event.onTime();
        }
        // a drafted reply's handling time is the drafting unit's own: up to the draft, not the review
        Instant workDone = round.submitted() ? round.submittedAt : round.repliedAt;
        round.handlingSeconds = round.startedAt == null ? null
                : workingTime.between(round.startedAt, workDone).toSeconds();
        LevelFacts.settleForwarded(this, round.repliedAt);
        status = CaseStatus.REPLIED;
    }

    public void on(FeedbackRecorded event) {
        Optional<AnswerRound> answer = lastAnswer();
        if (answer.isEmpty()) {
            log.warn("Feedback on case {} before any answer; it is not counted", caseId);
            return;
        }
        AnswerRound round = answer.get();
        round.feedbackAt = ms(event.at());
        round.satisfaction = event.satisfaction();
        round.satisfied = event.countsAsSatisfied();
        round.solved = event.solved();
        round.feedbackChannel = event.channel();
    }

    /** The last answer is judged reopened, and a new handling round starts against the new deadline. */
    public void on(CaseReopened event) {
        lastAnswer().ifPresent(round -> round.reopened = true);
        reopens++;
        String unit = unit(event.leadUnit());
        rounds.add(new AnswerRound(AnswerRound.Kind.HANDLING, unit, ms(event.at()), due(event.completionDeadline())));
        leadUnit = unit;
        status = CaseStatus.IN_HANDLING;
    }

    public void on(CaseResolvedAtIntake event) {
        accepted = true;
        answeredAtIntake(event.actor().unitId(), event.at());
        status = CaseStatus.RESOLVED_AT_INTAKE;
    }

    public void on(CaseRedirected event) {
        accepted = true;
        answeredAtIntake(event.actor().unitId(), event.at());
        rounds.get(rounds.size() - 1).invites = false;
        status = CaseStatus.REDIRECTED;
    }

    public void on(CaseMerged event) {
        accepted = true;
        status = CaseStatus.MERGED;
    }

    public void on(CaseWithdrawn event) {
        accepted = true;
        status = CaseStatus.WITHDRAWN;
    }

    public void on(CaseClosed event) {
        status = CaseStatus.CLOSED;
    }

    /** The unit accountable now: the lead unit once there is one, the intake desk before. */
    String currentUnit() {
        return leadUnit != null ? leadUnit : unit(intakeUnit);
    }

    boolean open() {
        return status != null && status.isOpen();
    }

    /** Open and past a deadline in force: the sign-for step or the handling round was declared overdue. */
    boolean overdueNow() {
        return open() && (openStep().map(SignForStep::missed).orElse(false)
                || rounds.stream().anyMatch(round -> round.open() && round.missed())
                || LevelFacts.pendingDraft(this).map(draft -> draft.reviewMissedAt != null).orElse(false));
    }

    /** The last sign-for step, while its unit has not signed. */
    Optional<SignForStep> openStep() {
        if (signFors.isEmpty()) {
            return Optional.empty();
        }
        SignForStep last = signFors.get(signFors.size() - 1);
        return last.signed() || last.leftAt != null ? Optional.empty() : Optional.of(last);
    }

    /** The last round, while it is a handling round still running (see {@link AnswerRound#open()}). */
    Optional<AnswerRound> openRound() {
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        AnswerRound last = rounds.get(rounds.size() - 1);
        return last.open() ? Optional.of(last) : Optional.empty();
    }

    /** The latest running round of one unit: with dispatch by level, each level's round runs on its own clock. */
    Optional<AnswerRound> openRoundOf(String unit) {
        for (int i = rounds.size() - 1; i >= 0; i--) {
            AnswerRound round = rounds.get(i);
            if (round.open() && round.unit.equals(unit)) {
                return Optional.of(round);
            }
        }
        return Optional.empty();
    }

    /** The latest answer the citizen got: what a call-back evaluates and a reopening rejects. */
    Optional<AnswerRound> lastAnswer() {
        for (int i = rounds.size() - 1; i >= 0; i--) {
            if (rounds.get(i).replied()) {
                return Optional.of(rounds.get(i));
            }
        }
        return Optional.empty();
    }

    void assign(String unit, Instant at, Deadline signForDeadline) {
        accepted = true;
        leadUnit = unit(unit);
        signFors.add(new SignForStep(leadUnit, ms(at), due(signForDeadline)));
        status = CaseStatus.DISPATCHED;
    }

    private void answeredAtIntake(String unit, Instant at) {
        AnswerRound round = new AnswerRound(AnswerRound.Kind.AT_INTAKE, unit(unit), ms(at), null);
        round.repliedAt = ms(at);
        rounds.add(round);
    }

    static String unit(String unit) {
        return unit == null || unit.isBlank() ? NO_UNIT : unit;
    }

    static Instant due(Deadline deadline) {
        return deadline == null ? null : ms(deadline.due());
    }

    static Instant ms(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}

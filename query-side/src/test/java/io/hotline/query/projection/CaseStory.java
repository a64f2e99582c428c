package io.hotline.query.projection;

import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Jurisdiction;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one case, told step by step with increasing sequence numbers and times, and fed to a
 * projection the way a processor would: one handler call per event with its sequence number.
 */
public final class CaseStory {

    public static final Instant START = Instant.parse("2026-11-20T01:00:00Z");
    public static final Actor OPERATOR = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
    public static final Actor COORDINATOR = Actor.of("co-wang", "HOTLINE", Role.COORDINATOR);
    public static final String PHONE = "13800138000";
    public static final String ID_NUMBER = "110101199003071234";

    /** One event with its sequence number. */
    public record Step(Object event, long sequence) {
    }

    private final String caseId;
    private final List<Step> steps = new ArrayList<>();
    private Instant now;

    private CaseStory(String caseId, Instant start) {
        this.caseId = caseId;
        this.now = start;
    }

    public static CaseStory of(String caseId) {
        return new CaseStory(caseId, START);
    }

    public static CaseStory of(String caseId, Instant start) {
        return new CaseStory(caseId, start);
    }

    public String caseId() {
        return caseId;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public long version() {
        return steps.size() - 1;
    }

    /** The time of the next event: each step comes an hour after the previous one. */
    public Instant now() {
        return now;
    }

    public static Actor handler(String unit) {
        return Actor.of("h-" + unit.toLowerCase(), unit, Role.UNIT_HANDLER);
    }

    public static Deadline deadline(DeadlineKind kind, Instant start, Duration warnAfter, Duration dueAfter) {
        return new Deadline(kind, start, start.plus(warnAfter), start.plus(dueAfter));
    }

    public Deadline signFor() {
        return deadline(DeadlineKind.SIGN_FOR, now, Duration.ofHours(8), Duration.ofHours(10));
    }

    public Deadline completion(int days) {
        return deadline(DeadlineKind.COMPLETION, now, Duration.ofHours(days * 24L * 8 / 10), Duration.ofDays(days));
    }

    private CaseStory add(Object event) {
        steps.add(new Step(event, steps.size()));
        now = now.plus(Duration.ofHours(1));
        return this;
    }

    public CaseStory registered(String number) {
        return registered(number, "路灯不亮", "小区门口路灯坏了三天", "370602");
    }

    public CaseStory registered(String number, String title, String content, String area) {
        return add(new CaseRegistered(caseId, number, "req-" + caseId, Channel.HOTLINE, Category.COMPLAINT,
                Urgency.NORMAL, title, content, new Citizen("张三", PHONE, ID_NUMBER), area, OPERATOR, now));
    }

    public CaseStory resolvedAtIntake() {
        return add(new CaseResolvedAtIntake(caseId, "已当场解答", OPERATOR, now));
    }

    public CaseStory redirected() {
        return add(new CaseRedirected(caseId, Jurisdiction.COURT, "请向法院起诉", OPERATOR, now));
    }

    public CaseStory merged(String intoCaseId, String intoNumber) {
        return add(new CaseMerged(caseId, intoCaseId, intoNumber, OPERATOR, now));
    }

    public CaseStory linked(String repeatedCaseId, String repeatedNumber) {
        return add(new RepeatedRequestLinked(caseId, repeatedCaseId, repeatedNumber, OPERATOR, now));
    }

    public CaseStory dispatched(String lead, String... assisting) {
        return add(new CaseDispatched(caseId, lead, List.of(assisting), lead, false, signFor(), OPERATOR, now));
    }

    public CaseStory signedFor(String unit) {
        return add(new CaseSignedFor(caseId, unit, true, completion(10), handler(unit), now));
    }

    public CaseStory objected(String unit) {
        return add(new JurisdictionObjected(caseId, unit, "不属于本单位职责", handler(unit), now));
    }

    public CaseStory redispatched(String from, String lead, String... assisting) {
        return add(new CaseRedispatched(caseId, from, lead, List.of(assisting), "异议成立", signFor(), OPERATOR, now));
    }

    public CaseStory designated(String previous, String lead, String... assisting) {
        return add(new LeadUnitDesignated(caseId, previous, lead, List.of(assisting), "协调确定", signFor(),
                COORDINATOR, now));
    }

    public CaseStory transferred(String from, String to) {
        return add(new CaseTransferred(caseId, from, to, "属地管理", signFor(), handler(from), now));
    }

    public CaseStory progress(String unit) {
        return add(new ProgressRecorded(caseId, unit, "已现场查看", handler(unit), now));
    }

    public CaseStory materials(String unit, boolean repeated) {
        return add(new MaterialsRequested(caseId, unit, List.of("照片", "地址"), repeated, handler(unit), now));
    }

    public CaseStory extensionRequested(String unit) {
        return add(new ExtensionRequested(caseId, unit, 5, "需协调施工", handler(unit), now));
    }

    public CaseStory extensionApproved(Deadline completion) {
        return add(new ExtensionApproved(caseId, 5, completion, COORDINATOR, now));
    }

    public CaseStory extensionRejected() {
        return add(new ExtensionRejected(caseId, "理由不充分", COORDINATOR, now));
    }

    public CaseStory replied(String unit, boolean onTime) {
        return add(new CaseReplied(caseId, unit, ReplyResult.SOLVED, "已修复", onTime, handler(unit), now));
    }

    public CaseStory feedback(Satisfaction satisfaction) {
        boolean satisfied = satisfaction.ordinal() <= Satisfaction.BASICALLY_SATISFIED.ordinal();
        return add(new FeedbackRecorded(caseId, FeedbackChannel.PHONE, satisfaction, satisfied, satisfied, "回访",
                OPERATOR, now));
    }

    public CaseStory reopened(String lead) {
        return add(new CaseReopened(caseId, lead, "不满意重办", completion(5), OPERATOR, now));
    }

    public CaseStory supervised() {
        return add(new SupervisionStarted(caseId, "挂牌督办", Actor.of("sv-zhao", "HOTLINE", Role.SUPERVISOR), now));
    }

    public CaseStory urged(String unit) {
        return add(new CaseUrged(caseId, unit, "请尽快办理", Actor.of("sv-zhao", "HOTLINE", Role.SUPERVISOR), now));
    }

    public CaseStory closed() {
        return add(new CaseClosed(caseId, OPERATOR, now));
    }

    public CaseStory erased() {
        return add(new PersonalDataErased(caseId, "erasure-1", Actor.of("admin", "HOTLINE", Role.ADMIN), now));
    }

    public CaseStory withdrawn() {
        return add(new CaseWithdrawn(caseId, "诉求人撤回", OPERATOR, now));
    }

    public CaseStory warned(DeadlineKind kind, String unit, Instant due) {
        return add(new DeadlineWarningRaised(caseId, kind, unit, due, Actor.SYSTEM, now));
    }

    public CaseStory missed(DeadlineKind kind, String unit, Instant due) {
        return add(new DeadlineMissed(caseId, kind, unit, due, Actor.SYSTEM, now));
    }

    // ------------------------------------------------------------------ dispatch by level (分级派单)

    public Deadline review() {
        return deadline(DeadlineKind.REVIEW, now, Duration.ofHours(6), Duration.ofHours(8));
    }

    public CaseStory dispatchedDown(String from, String to, int level, String... assisting) {
        return add(new CaseDispatchedDown(caseId, from, to, List.of(assisting), "请属地核实", level, signFor(),
                handler(from), now));
    }

    public CaseStory takenBack(String from, String unit, Deadline completion) {
        return add(new CaseTakenBack(caseId, from, unit, "下级无法办理", completion, handler(unit), now));
    }

    public CaseStory overruled(String unit, String decidedBy, boolean freshSignFor) {
        return add(new ObjectionOverruled(caseId, unit, decidedBy, "属本单位辖区", freshSignFor ? signFor() : null,
                handler(decidedBy), now));
    }

    public CaseStory drafted(String unit, String reviewer, boolean onTime) {
        return add(new ReplySubmittedForReview(caseId, unit, reviewer, ReplyResult.SOLVED, "已修复路灯", onTime,
                review(), handler(unit), now));
    }

    public CaseStory returned(String reviewer, String unit) {
        return add(new ReplyReturned(caseId, reviewer, unit, "请补充现场照片", true, handler(reviewer), now));
    }

    /** The approval and, in the same commit, the reply it releases (the drafting unit's, as the command side does). */
    public CaseStory approved(String reviewer, String unit, boolean draftOnTime) {
        add(new ReplyApproved(caseId, reviewer, unit, "同意", true, handler(reviewer), now));
        return add(new CaseReplied(caseId, unit, ReplyResult.SOLVED, "已修复路灯", draftOnTime, handler(reviewer), now));
    }

    /** Feeds every step to the projection, in order. */
    public void tell(CaseViewProjection projection) {
        steps.forEach(step -> feed(projection, step));
    }

    /** Calls the projection's handler for the event's type, as the processor would. */
    public static void feed(CaseViewProjection projection, Step step) {
        try {
            Method handler = CaseViewProjection.class.getMethod("on", step.event().getClass(), long.class);
            handler.invoke(projection, step.event(), step.sequence());
        } catch (ReflectiveOperationException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }
}

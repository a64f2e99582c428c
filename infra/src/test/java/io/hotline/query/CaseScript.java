package io.hotline.query;

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
import io.hotline.kernel.cases.CaseTransferred;
import io.hotline.kernel.cases.CaseUrged;
import io.hotline.kernel.cases.CaseWithdrawn;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.DeadlineMissed;
import io.hotline.kernel.cases.DeadlineWarningRaised;
import io.hotline.kernel.cases.ExtensionApproved;
import io.hotline.kernel.cases.ExtensionRejected;
import io.hotline.kernel.cases.ExtensionRequested;
import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.cases.JurisdictionObjected;
import io.hotline.kernel.cases.LeadUnitDesignated;
import io.hotline.kernel.cases.MaterialsRequested;
import io.hotline.kernel.cases.ProgressRecorded;
import io.hotline.kernel.cases.RepeatedRequestLinked;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.cases.SupervisionStarted;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Jurisdiction;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Appends one case's events to the log as the aggregate would: aggregate type "Case", id = case id, sequence
 * numbers from 0. Each event happens an hour after the previous one; deadlines start at the event.
 */
public final class CaseScript {

    private static final Actor COORDINATOR = Actor.of("co-wang", "HOTLINE", Role.COORDINATOR);
    private static final Actor SUPERVISOR = Actor.of("sv-zhao", "HOTLINE", Role.SUPERVISOR);

    private final EventStore log;
    private final String caseId;
    private Instant now;
    private long next;
    private Duration warnAfter = Duration.ofHours(8);
    private Duration dueAfter = Duration.ofHours(10);

    CaseScript(EventStore log, String caseId, Instant start) {
        this.log = log;
        this.caseId = caseId;
        this.now = start;
    }

    public String caseId() {
        return caseId;
    }

    /** The sequence number of the last event appended: the version a command would have answered. */
    public long version() {
        return next - 1;
    }

    public Instant now() {
        return now;
    }

    /** Deadlines of the following steps: warned after {@code warn}, due after {@code due}. */
    public CaseScript deadlines(Duration warn, Duration due) {
        this.warnAfter = warn;
        this.dueAfter = due;
        return this;
    }

    public CaseScript at(Instant moment) {
        this.now = moment;
        return this;
    }

    public Deadline deadline(DeadlineKind kind) {
        return new Deadline(kind, now, now.plus(warnAfter), now.plus(dueAfter));
    }

    public static Actor handler(String unit) {
        return Actor.of("h-" + unit.toLowerCase(), unit, Role.UNIT_HANDLER);
    }

    private CaseScript append(Object payload) {
        log.publish(new GenericDomainEventMessage<>("Case", caseId, next++, payload));
        now = now.plus(Duration.ofHours(1));
        return this;
    }

    public CaseScript registered(String number, String title, String content, String area, Category category,
                                 Channel channel, Urgency urgency, String phone) {
        return append(new CaseRegistered(caseId, number, "req-" + caseId, channel, category, urgency, title,
                content, new Citizen("张三", phone, "110101199003071234"), area, QueryTestSupport.OPERATOR, now));
    }

    public CaseScript registered(String number, String area) {
        return registered(number, "路灯不亮", "小区门口路灯坏了三天", area, Category.COMPLAINT, Channel.HOTLINE,
                Urgency.NORMAL, "13800138000");
    }

    public CaseScript dispatched(String lead, String... assisting) {
        return append(new CaseDispatched(caseId, lead, List.of(assisting), lead, false,
                deadline(DeadlineKind.SIGN_FOR), QueryTestSupport.OPERATOR, now));
    }

    public CaseScript signedFor(String unit) {
        return append(new CaseSignedFor(caseId, unit, true, deadline(DeadlineKind.COMPLETION), handler(unit), now));
    }

    public CaseScript objected(String unit) {
        return append(new JurisdictionObjected(caseId, unit, "不属于本单位职责", handler(unit), now));
    }

    public CaseScript designated(String previous, String lead) {
        return append(new LeadUnitDesignated(caseId, previous, lead, List.of(), "协调确定",
                deadline(DeadlineKind.SIGN_FOR), Actor.of("co-wang", "HOTLINE", Role.COORDINATOR), now));
    }

    public CaseScript transferred(String from, String to) {
        return append(new CaseTransferred(caseId, from, to, "属地管理", deadline(DeadlineKind.SIGN_FOR), handler(from),
                now));
    }

    public CaseScript materials(String unit, boolean repeated) {
        return append(new MaterialsRequested(caseId, unit, List.of("照片"), repeated, handler(unit), now));
    }

    public CaseScript supervised() {
        return append(new SupervisionStarted(caseId, "挂牌督办", SUPERVISOR, now));
    }

    public CaseScript urged(String unit) {
        return append(new CaseUrged(caseId, unit, "请尽快办理", SUPERVISOR, now));
    }

    public CaseScript replied(String unit) {
        return replied(unit, true);
    }

    public CaseScript replied(String unit, boolean onTime) {
        return append(new CaseReplied(caseId, unit, ReplyResult.SOLVED, "已修复", onTime, handler(unit), now));
    }

    public CaseScript redirected() {
        return append(new CaseRedirected(caseId, Jurisdiction.COURT, "请向法院起诉", QueryTestSupport.OPERATOR, now));
    }

    public CaseScript resolvedAtIntake() {
        return append(new CaseResolvedAtIntake(caseId, "已当场解答", QueryTestSupport.OPERATOR, now));
    }

    /** Answered at intake from version {@code version} of the knowledge article {@code articleId}. */
    public CaseScript resolvedAtIntake(String articleId, int version) {
        return append(new CaseResolvedAtIntake(caseId, "已按知识条目解答", QueryTestSupport.OPERATOR, now, articleId,
                version));
    }

    public CaseScript redispatched(String from, String lead, String... assisting) {
        return append(new CaseRedispatched(caseId, from, lead, List.of(assisting), "异议成立",
                deadline(DeadlineKind.SIGN_FOR), QueryTestSupport.OPERATOR, now));
    }

    public CaseScript progress(String unit) {
        return append(new ProgressRecorded(caseId, unit, "已现场查看", handler(unit), now));
    }

    public CaseScript extensionRequested(String unit) {
        return append(new ExtensionRequested(caseId, unit, 5, "需协调施工", handler(unit), now));
    }

    public CaseScript extensionApproved() {
        return append(new ExtensionApproved(caseId, 5, deadline(DeadlineKind.COMPLETION), COORDINATOR, now));
    }

    public CaseScript extensionRejected() {
        return append(new ExtensionRejected(caseId, "理由不充分", COORDINATOR, now));
    }

    /** The yellow warning on the deadline of {@code kind}: raised now, due when the rest of its time has passed. */
    public CaseScript warned(DeadlineKind kind, String unit) {
        return append(new DeadlineWarningRaised(caseId, kind, unit, now.plus(dueAfter.minus(warnAfter)), Actor.SYSTEM,
                now));
    }

    /** The deadline of {@code kind} passed unmet, due now. */
    public CaseScript missed(DeadlineKind kind, String unit) {
        return append(new DeadlineMissed(caseId, kind, unit, now, Actor.SYSTEM, now));
    }

    public CaseScript feedback(Satisfaction satisfaction) {
        boolean satisfied = satisfaction.ordinal() <= Satisfaction.BASICALLY_SATISFIED.ordinal();
        return append(new FeedbackRecorded(caseId, FeedbackChannel.PHONE, satisfaction, satisfied, satisfied, "回访",
                QueryTestSupport.OPERATOR, now));
    }

    public CaseScript reopened(String lead) {
        return append(new CaseReopened(caseId, lead, "不满意重办", deadline(DeadlineKind.COMPLETION),
                QueryTestSupport.OPERATOR, now));
    }

    public CaseScript closed() {
        return append(new CaseClosed(caseId, QueryTestSupport.OPERATOR, now));
    }

    public CaseScript withdrawn() {
        return append(new CaseWithdrawn(caseId, "诉求人撤回", QueryTestSupport.OPERATOR, now));
    }

    public CaseScript merged(String intoCaseId, String intoNumber) {
        return append(new CaseMerged(caseId, intoCaseId, intoNumber, QueryTestSupport.OPERATOR, now));
    }

    public CaseScript linked(String repeatedCaseId, String repeatedNumber) {
        return append(new RepeatedRequestLinked(caseId, repeatedCaseId, repeatedNumber, QueryTestSupport.OPERATOR,
                now));
    }
}

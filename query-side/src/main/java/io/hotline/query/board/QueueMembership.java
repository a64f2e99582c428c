package io.hotline.query.board;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.DeadlineView;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which queues of the coordination board a case is in, derived from its case view alone (so the queues are
 * rebuilt from the log with the views, and an event applied twice gives the same entries):
 * <ul>
 * <li>{@link QueueName#OBJECTIONS}: with a unit (dispatched or in handling) and an objection pending;</li>
 * <li>{@link QueueName#EXTENSIONS}: in handling and an extension request pending;</li>
 * <li>{@link QueueName#OVERDUE}: with a unit and a pending deadline recorded as missed ({@code DeadlineMissed},
 * which the deadline watch raises shortly after the deadline passes); a new clock (transfer, extension,
 * re-dispatch) or the step done takes the case off;</li>
 * <li>{@link QueueName#CALLBACK}: replied or answered at intake, awaiting the call-back and closing;</li>
 * <li>{@link QueueName#REGISTERED}: registered and not yet dispatched.</li>
 * </ul>
 */
public final class QueueMembership {

    /** The longest free text an entry keeps (objection and extension reasons, answers), in characters. */
    static final int BRIEF = 200;

    private QueueMembership() {
    }

    /** Queue name to the entry the case has in that queue; empty when the case waits on no one at the hotline. */
    public static Map<String, QueueEntry> of(CaseView view) {
        Map<String, QueueEntry> entries = new LinkedHashMap<>();
        if (view == null || view.status() == null) {
            return entries;
        }
        for (QueueName queue : QueueName.values()) {
            if (holds(queue, view)) {
                entries.put(queue.name(), entry(view, queue));
            }
        }
        return entries;
    }

    static boolean holds(QueueName queue, CaseView view) {
        CaseStatus status = view.status();
        boolean withUnit = status == CaseStatus.DISPATCHED || status == CaseStatus.IN_HANDLING;
        return switch (queue) {
            case OBJECTIONS -> withUnit && view.pendingObjection() != null;
            case EXTENSIONS -> status == CaseStatus.IN_HANDLING && view.pendingExtension() != null;
            // pendingDeadlines() holds only the clocks still running, and only while the case is with a unit
            case OVERDUE -> view.pendingDeadlines().stream().anyMatch(deadline -> deadline.missedAt() != null);
            case CALLBACK -> status == CaseStatus.REPLIED || status == CaseStatus.RESOLVED_AT_INTAKE;
            case REGISTERED -> status == CaseStatus.REGISTERED;
        };
    }

    private static QueueEntry entry(CaseView view, QueueName queue) {
        Optional<DeadlineView> next = view.nextDeadline();
        return new QueueEntry(view.caseId(), view.caseNumber(), view.title(), view.status(), view.category(),
                view.urgency(), view.area(), view.leadUnit(), view.assistingUnits(), view.accountableUnit(),
                millis(view.registeredAt()), next.map(DeadlineView::kind).orElse(null),
                next.map(DeadlineView::due).map(QueueMembership::millis).orElse(null),
                next.map(DeadlineView::warnAt).map(QueueMembership::millis).orElse(null),
                view.supervised(), view.version(),
                queue == QueueName.OBJECTIONS ? objection(view) : null,
                queue == QueueName.EXTENSIONS ? extension(view) : null,
                queue == QueueName.CALLBACK && view.status() == CaseStatus.REPLIED ? reply(view) : null,
                queue == QueueName.CALLBACK ? feedback(view) : null,
                queue == QueueName.CALLBACK && view.status() == CaseStatus.RESOLVED_AT_INTAKE ? ending(view) : null);
    }

    private static QueueEntry.Objection objection(CaseView view) {
        var pending = view.pendingObjection();
        return new QueueEntry.Objection(pending.unit(), brief(pending.reason()), millis(pending.at()));
    }

    private static QueueEntry.Extension extension(CaseView view) {
        var pending = view.pendingExtension();
        return new QueueEntry.Extension(pending.unit(), pending.extraWorkingDays(), brief(pending.reason()),
                millis(pending.at()));
    }

    private static QueueEntry.Reply reply(CaseView view) {
        var reply = view.lastReply();
        return reply == null ? null : new QueueEntry.Reply(reply.result(), brief(reply.text()), millis(reply.at()));
    }

    private static QueueEntry.Feedback feedback(CaseView view) {
        var feedback = view.lastFeedback();
        return feedback == null ? null
                : new QueueEntry.Feedback(feedback.satisfaction(), feedback.countsAsSatisfied(), millis(feedback.at()));
    }

    private static QueueEntry.Ending ending(CaseView view) {
        var ending = view.ending();
        return ending == null ? null : new QueueEntry.Ending(ending.how(), brief(ending.text()), millis(ending.at()));
    }

    /** The text as a row shows it: at most {@link #BRIEF} characters, a cut one ending in an ellipsis. */
    static String brief(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= BRIEF) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, BRIEF - 1)) + "…";
    }

    /** Stored instants keep milliseconds; entries do too, so an unchanged entry compares equal to the stored one. */
    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}

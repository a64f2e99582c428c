package io.hotline.command.notify;

import io.hotline.command.cases.CaseRuleViolation;
import io.hotline.command.notify.Outbox.Decision;
import io.hotline.kernel.citizen.NotificationOutcome;
import io.hotline.kernel.citizen.RecordNotification;
import io.hotline.kernel.common.Actor;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a notification's outcome on its case ({@code CitizenNotified}), so the case page and the audit history
 * show what the citizen was sent, when, how and with what result; and counts it. The case records an outcome
 * once, so a recording repeated after an unclear failure changes nothing.
 */
class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final CommandGateway commands;
    private final NotificationFigures figures;
    private final NotificationTally tally;

    OutcomeRecorder(CommandGateway commands, NotificationFigures figures, NotificationTally tally) {
        this.commands = commands;
        this.figures = figures;
        this.tally = tally;
    }

    /** True once the case holds the outcome (or there is no case to hold it); false to try again later. */
    boolean record(Notification notification, Decision decision) {
        try {
            commands.sendAndWait(new RecordNotification(notification.caseId(), notification.id(),
                    notification.channel(), notification.template().name(), decision.outcome(), decision.reason(),
                    decision.possiblyRepeated(), Actor.SYSTEM));
            return true;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CaseRuleViolation || cause instanceof AggregateNotFoundException) {
                log.warn("Case {} did not take the outcome of notification {}: {}", notification.caseId(),
                        notification.id(), cause.getClass().getSimpleName());
                return true;
            }
            log.info("Outcome of notification {} not recorded yet ({}); retrying", notification.id(),
                    cause.getClass().getSimpleName());
            return false;
        }
    }

    void counted(Notification notification, NotificationOutcome outcome) {
        figures.count(notification.channel(), notification.template().name(), outcome);
        tally.increment(notification.channel(), notification.template().name(), outcome);
    }
}

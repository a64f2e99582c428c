package io.hotline.kernel.citizen;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The notification sender tells the case what became of one message to the citizen. Only the system sends it;
 * the same outcome of the same notification twice (a retried recording) is recorded once.
 */
public record RecordNotification(
        @TargetAggregateIdentifier String caseId,
        String notificationId,
        NotificationChannel channel,
        String template,
        NotificationOutcome outcome,
        String reason,
        boolean possiblyRepeated,
        Actor actor) {
}

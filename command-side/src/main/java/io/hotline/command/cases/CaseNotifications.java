package io.hotline.command.cases;

import io.hotline.kernel.cases.CaseAcknowledged;
import io.hotline.kernel.citizen.CitizenNotified;
import io.hotline.kernel.citizen.CitizenOptedIn;
import io.hotline.kernel.citizen.CitizenOptedOut;
import io.hotline.kernel.citizen.RecordNotification;
import io.hotline.kernel.citizen.RecordOptOut;
import io.hotline.kernel.common.Actor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What the citizen was told about the case (件件有回音) and whether they still want to be told: the notification
 * sender's outcomes and the citizen's 退订/订阅 by SMS. An entity of {@link Case}.
 * <p>
 * Accepted in any state, even an ended case: a closing message is sent after the close. Only the system records
 * these (the sender and the inbound-message process act as {@link Actor#SYSTEM}); a person cannot claim a message
 * was sent. Both are repeated safely: a sender that retries its recording, a citizen who sends 退订 twice, change
 * nothing the second time.
 */
class CaseNotifications {

    private final CaseState state;
    private final Set<String> outcomesRecorded = new HashSet<>();
    private final Set<String> optedOutKeys = new HashSet<>();

    CaseNotifications(CaseState state) {
        this.state = state;
    }

    @CommandHandler
    CaseAcknowledged handle(RecordNotification command, Clock clock) {
        requireSystem(command.actor());
        if (!outcomesRecorded.contains(command.notificationId() + ":" + command.outcome())) {
            apply(new CitizenNotified(state.caseId, command.notificationId(), command.channel(), command.template(),
                    command.outcome(), command.reason(), command.possiblyRepeated(), command.actor(),
                    clock.instant()));
        }
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(RecordOptOut command, Clock clock) {
        requireSystem(command.actor());
        boolean optedOut = optedOutKeys.contains(command.contactKey());
        if (command.optedOut() && !optedOut) {
            apply(new CitizenOptedOut(state.caseId, command.contactKey(), command.actor(), clock.instant()));
        } else if (!command.optedOut() && optedOut) {
            apply(new CitizenOptedIn(state.caseId, command.contactKey(), command.actor(), clock.instant()));
        }
        return state.acknowledged();
    }

    private void requireSystem(Actor actor) {
        if (!Actor.SYSTEM.equals(actor)) {
            throw state.violation(Rejection.ROLE_REQUIRED);
        }
    }

    @EventSourcingHandler
    void on(CitizenNotified event) {
        outcomesRecorded.add(event.notificationId() + ":" + event.outcome());
    }

    @EventSourcingHandler
    void on(CitizenOptedOut event) {
        optedOutKeys.add(event.contactKey());
    }

    @EventSourcingHandler
    void on(CitizenOptedIn event) {
        optedOutKeys.remove(event.contactKey());
    }
}

package io.hotline.query.audit.trail;

import io.hotline.kernel.cases.PersonalDataRevealed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Copies every {@link PersonalDataRevealed} event into the access trail, so reveals and exports are listed side
 * by side. A tracking processor of its own ({@code access-trail}) follows the log from its start, so reveals made
 * before this handler existed are listed too; the entry's id is the event's, so redelivery stores nothing twice.
 */
@Component
@ProcessingGroup("access-trail")
class RevealRecorder {

    private final AccessTrail trail;

    RevealRecorder(AccessTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(PersonalDataRevealed event, EventMessage<?> message) {
        trail.revealed(message.getIdentifier(), event);
    }
}

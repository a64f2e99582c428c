package io.hotline.command.cases;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Citizen;
import org.axonframework.commandhandling.CommandHandler;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The complainant's personal data: revealed only for a recorded reason, erased for good when the citizen asks.
 * An entity of {@link Case}.
 */
class CasePersonalData {

    private final CaseState state;

    CasePersonalData(CaseState state) {
        this.state = state;
    }

    @CommandHandler
    Citizen handle(RevealPersonalData command, Clock clock) {
        state.permit(command.actor(), Action.REVEAL_PERSONAL_DATA);
        apply(new PersonalDataRevealed(state.caseId, command.reason(), command.actor(), clock.instant()));
        return state.citizen;
    }

    /**
     * The citizen's key is already destroyed when this arrives; recording it here drops the person from this
     * case's state (a case held in memory would otherwise still know them) and from every read model. Any
     * state, even an ended case; a second erasure changes nothing.
     */
    @CommandHandler
    CaseAcknowledged handle(ErasePersonalData command, Clock clock) {
        state.permit(command.actor(), Action.ERASE_PERSONAL_DATA);
        if (!state.personalDataErased) {
            apply(new PersonalDataErased(state.caseId, command.erasureId(), command.actor(), clock.instant()));
        }
        return state.acknowledged();
    }
}

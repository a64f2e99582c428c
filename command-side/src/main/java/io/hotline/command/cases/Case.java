package io.hotline.command.cases;

import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.RegisterCase;
import io.hotline.kernel.cases.RegistrationReceipt;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A citizen's request (诉求), from the moment an operator logs it (受理) to its archiving (归档).
 * <p>
 * Every request is accepted: registration never refuses. The caller's request id makes registration
 * idempotent: the case id is derived from it, so a retried call finds this case already registered and
 * gets the same case number back instead of a second case.
 * <p>
 * Command handlers decide and apply events; only the event-sourcing handlers change state.
 */
@Aggregate(cache = "caseCache")
class Case {

    @AggregateIdentifier
    private String caseId;
    private String caseNumber;

    Case() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegistrationReceipt handle(RegisterCase command, CaseNumbers caseNumbers, Clock clock) {
        if (caseNumber != null) {
            return new RegistrationReceipt(caseId, caseNumber, false);
        }
        Instant now = clock.instant();
        String number = caseNumbers.next(now);
        apply(new CaseRegistered(command.caseId(), number, command.requestId(), command.channel(),
                command.category(), command.urgency(), command.title(), command.content(), command.citizen(),
                command.area(), command.actor(), now));
        return new RegistrationReceipt(command.caseId(), number, true);
    }

    @EventSourcingHandler
    void on(CaseRegistered event) {
        caseId = event.caseId();
        caseNumber = event.caseNumber();
    }
}

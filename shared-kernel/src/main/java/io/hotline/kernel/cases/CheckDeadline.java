package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The deadline watch asks the case whether a deadline's warning or expiry has come. Idempotent: the case raises each once. */
public record CheckDeadline(
        @TargetAggregateIdentifier String caseId,
        DeadlineKind kind,
        Instant due,
        Actor actor) {
}

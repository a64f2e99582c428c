package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Jurisdiction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 告知: answer a registered request that belongs to another body with where to take it; the case ends, still counted as accepted. */
public record RedirectCase(
        @TargetAggregateIdentifier String caseId,
        Jurisdiction jurisdiction,
        String explanation,
        Actor actor) {
}

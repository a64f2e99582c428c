package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 查看个人信息: show the citizen's unmasked contact details, for a stated reason; the reveal itself is recorded. */
public record RevealPersonalData(
        @TargetAggregateIdentifier String caseId,
        String reason,
        Actor actor) {
}

package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 一次性告知: ask the citizen for more material, every item at once. A second request is accepted but recorded as a violation. */
public record RequestMaterials(
        @TargetAggregateIdentifier String caseId,
        List<String> items,
        Actor actor) {
}

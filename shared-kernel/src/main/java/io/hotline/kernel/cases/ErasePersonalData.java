package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 删除个人信息: the citizen's personal data were erased (their key destroyed, see {@code erasureId}); the case
 * records it so its state and every read model drop the person too. Accepted in any state, once.
 */
public record ErasePersonalData(
        @TargetAggregateIdentifier String caseId,
        String erasureId,
        Actor actor) {
}

package io.hotline.kernel.citizen;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 退订 ({@code optedOut} true) or 订阅 again ({@code optedOut} false): the citizen's SMS, matched to this case.
 * {@code contactKey} is the keyed hash the phone's personal data are sealed under, never the number.
 */
public record RecordOptOut(
        @TargetAggregateIdentifier String caseId,
        String contactKey,
        boolean optedOut,
        Actor actor) {
}

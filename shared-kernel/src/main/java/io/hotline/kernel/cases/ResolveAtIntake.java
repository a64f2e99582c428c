package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 直接办结: the operator answered the request on the spot (consultations), from a knowledge article when
 * {@code articleId} is given: then {@code articleVersion} names the published version read out (null without an
 * article).
 */
public record ResolveAtIntake(
        @TargetAggregateIdentifier String caseId,
        String answer,
        Actor actor,
        String articleId,
        Integer articleVersion) {

    /** An answer from the operator's own knowledge, citing no article. */
    public ResolveAtIntake(String caseId, String answer, Actor actor) {
        this(caseId, answer, actor, null, null);
    }
}

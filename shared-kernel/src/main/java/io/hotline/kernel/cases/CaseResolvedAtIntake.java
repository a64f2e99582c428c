package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/**
 * 已直接办结: answered on the spot by the operator.
 *
 * @param articleId      the knowledge article the answer came from; null when none was cited, as in every event
 *                       stored before the knowledge base
 * @param articleVersion its published version read out; null without an article
 */
public record CaseResolvedAtIntake(
        String caseId,
        String answer,
        Actor actor,
        Instant at,
        String articleId,
        Integer articleVersion) {

    /** Without an article, as events stored before the knowledge base read. */
    public CaseResolvedAtIntake(String caseId, String answer, Actor actor, Instant at) {
        this(caseId, answer, actor, at, null, null);
    }
}

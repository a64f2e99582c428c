package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/**
 * 已并单: this case was a repeated request and lives on in the other case. The merge process links it on the
 * other case ({@link LinkRepeatedRequest}) from this event, so it carries this case's own number too.
 *
 * @param caseNumber this case's number; null in events stored before the merge became a process
 */
public record CaseMerged(
        String caseId,
        String intoCaseId,
        String intoCaseNumber,
        Actor actor,
        Instant at,
        String caseNumber) {

    /** Without this case's number, as events stored before the merge became a process read. */
    public CaseMerged(String caseId, String intoCaseId, String intoCaseNumber, Actor actor, Instant at) {
        this(caseId, intoCaseId, intoCaseNumber, actor, at, null);
    }
}

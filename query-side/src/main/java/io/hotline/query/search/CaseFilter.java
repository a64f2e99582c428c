package io.hotline.query.search;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;

import java.time.Instant;
import java.util.Set;

/**
 * A search as the reader asked for it, checked and typed. Null means "any".
 *
 * @param statuses   any of these statuses
 * @param unit       the unit leads, assists or is accountable now
 * @param areaPrefix the area code starts with this (370602 a district, 3706 the city)
 * @param overdue    true: a pending deadline has passed; false: none has
 * @param from       registered at or after
 * @param to         registered before
 * @param text       words in the title or the content (a literal, never a pattern)
 * @param phoneHash  the keyed hash of the caller's phone (repeated requests)
 * @param number     one of the case's numbers (its own or a merged one)
 * @param scopeUnits a scoped reader's units (a unit handler's own, a district's subtree): only cases one of them
 *                   ever was in the chain of; null for a reader who sees every case
 * @param pending    OBJECTION: an objection awaits a coordinator's designation; EXTENSION: an extension request
 *                   awaits approval; REVIEW: a reply drafted below awaits the sending unit's review (办结审核)
 */
public record CaseFilter(Set<CaseStatus> statuses, String unit, Category category, Channel channel, String areaPrefix,
                         Urgency urgency, Boolean overdue, Instant from, Instant to, String text, String phoneHash,
                         String number, Set<String> scopeUnits, Pending pending) {

    /** No filter at all: every case, as the hotline's staff see the search screen open. */
    public static final CaseFilter ANY = new CaseFilter(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** What a case may be waiting on a coordinator for. */
    public enum Pending {
        OBJECTION,
        EXTENSION,
        REVIEW
    }
}

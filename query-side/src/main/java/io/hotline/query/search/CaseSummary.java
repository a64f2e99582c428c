package io.hotline.query.search;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.CitizenView;
import io.hotline.query.caseview.Warning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of a search result, with the case's colour at the moment of the search, the complainant as this
 * reader may see them (masked for the hotline's staff, withheld from unit handlers; see {@link CitizenView}), and
 * whether an objection or an extension request awaits a coordinator. A free-text search adds {@code highlights}:
 * per text field that matched ({@code title}, {@code content}, {@code notes}), a fragment with the matches in
 * {@code <mark>}, everything else in it HTML-escaped.
 */
public record CaseSummary(String caseId, String caseNumber, List<String> caseNumbers, CaseStatus status,
                          Channel channel, Category category, Urgency urgency, String area, String title,
                          CitizenView citizen, String leadUnit, List<String> assistingUnits, String accountableUnit,
                          Instant registeredAt, Instant nextDue, Warning warning, boolean supervised, long version,
                          boolean objectionPending, boolean extensionPending, Map<String, String> highlights) {

    static CaseSummary of(CaseView view, Instant now, boolean mayKnowComplainant) {
        return of(view, now, mayKnowComplainant, null);
    }

    static CaseSummary of(CaseView view, Instant now, boolean mayKnowComplainant, Map<String, String> highlights) {
        CitizenView citizen = view.citizen() == null ? null : view.citizen().shownTo(mayKnowComplainant);
        return new CaseSummary(view.caseId(), view.caseNumber(), view.caseNumbers(), view.status(), view.channel(),
                view.category(), view.urgency(), view.area(), view.title(), citizen, view.leadUnit(),
                view.assistingUnits(), view.accountableUnit(), view.registeredAt(), view.nextDue(),
                view.warningAt(now), view.supervised(), view.version(), view.pendingObjection() != null,
                view.pendingExtension() != null, highlights);
    }
}

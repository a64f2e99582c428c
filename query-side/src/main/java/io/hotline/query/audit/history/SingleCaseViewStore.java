package io.hotline.query.audit.history;

import io.hotline.query.caseview.CaseView;
import io.hotline.query.inbox.Inbox;
import io.hotline.query.projection.ViewStore;

import java.util.Optional;

/**
 * The one case view a replay builds, kept in memory. Inboxes are not kept: the state of a case at a moment is
 * its view; which inbox listed it then is derived from that view and of no extra use to an auditor.
 */
final class SingleCaseViewStore implements ViewStore {

    private CaseView view;

    @Override
    public Optional<CaseView> findCase(String caseId) {
        return view != null && caseId.equals(view.caseId()) ? Optional.of(view) : Optional.empty();
    }

    @Override
    public void saveCase(CaseView saved) {
        this.view = saved;
    }

    @Override
    public Optional<Inbox> findInbox(String unit) {
        return Optional.empty();
    }

    @Override
    public void saveInbox(Inbox inbox) {
        // not kept: see the class comment
    }

    @Override
    public long listLength() {
        return 0;
    }

    @Override
    public void saveListLength(long length) {
        // a replay builds one case, on no list
    }

    Optional<CaseView> view() {
        return Optional.ofNullable(view);
    }
}

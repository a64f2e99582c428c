package io.hotline.query.projection;

import java.util.Set;

/**
 * What the projection tells readers on this node after it stored a change: a case reached a version (a
 * read-your-write wait may answer), some units' inboxes changed (their live streams re-send).
 */
public interface ViewChanges {

    ViewChanges NONE = new ViewChanges() {
        @Override
        public void caseChanged(String caseId, long version) {
        }

        @Override
        public void inboxesChanged(Set<String> units) {
        }
    };

    void caseChanged(String caseId, long version);

    void inboxesChanged(Set<String> units);
}

package io.hotline.query.projection;

import java.util.Set;

/**
 * What the projection tells readers on this node after it stored a change: a case reached a version (a
 * read-your-write wait may answer), some units' inboxes changed (their live streams re-send), some queues of the
 * coordination board changed.
 */
public interface ViewChanges {

    ViewChanges NONE = new ViewChanges() {
        @Override
        public void caseChanged(String caseId, long version) {
        }

        @Override
        public void inboxesChanged(Set<String> units) {
        }

        @Override
        public void queuesChanged(Set<String> queues) {
        }
    };

    void caseChanged(String caseId, long version);

    void inboxesChanged(Set<String> units);

    /** Queues of the coordination board, by {@link io.hotline.query.board.QueueName} name. */
    void queuesChanged(Set<String> queues);
}

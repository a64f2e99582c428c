package io.hotline.query.projection;

import io.hotline.query.caseview.CaseView;
import io.hotline.query.inbox.Inbox;

import java.util.Optional;

/**
 * Where one generation of the case read model lives: case views and unit inboxes, each read and written by
 * {@code _id} only. Blocking on purpose: the projection runs on an event processor's thread, never on a
 * request thread, and must not ack an event before its writes are stored.
 */
public interface ViewStore {

    Optional<CaseView> findCase(String caseId);

    void saveCase(CaseView view);

    Optional<Inbox> findInbox(String unit);

    void saveInbox(Inbox inbox);
}

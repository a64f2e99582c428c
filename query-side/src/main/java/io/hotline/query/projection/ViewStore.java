package io.hotline.query.projection;

import io.hotline.query.caseview.CaseView;
import io.hotline.query.inbox.Inbox;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where one generation of the case read model lives: case views and unit inboxes, each read and written by
 * {@code _id} only. Blocking on purpose: the projection runs on an event processor's thread, never on a
 * request thread, and must not ack an event before its writes are stored.
 * <p>
 * The bulk operations serve a processor batch ({@link WriteBehindViewStore}): one {@code _id $in} lookup for
 * the batch's cases, one bulk write per collection at its end. A store without a bulk path loops.
 */
public interface ViewStore {

    Optional<CaseView> findCase(String caseId);

    void saveCase(CaseView view);

    Optional<Inbox> findInbox(String unit);

    void saveInbox(Inbox inbox);

    /** How many places the {@link io.hotline.query.caseview.CaseList case list} has taken: the last one given. */
    long listLength();

    /** Records that the case list's places up to {@code length} are taken. */
    void saveListLength(long length);

    /** The stored views of these cases; cases without a view are left out. */
    default Map<String, CaseView> findCases(Collection<String> caseIds) {
        Map<String, CaseView> found = new LinkedHashMap<>();
        caseIds.forEach(id -> findCase(id).ifPresent(view -> found.put(id, view)));
        return found;
    }

    /** Stores these views, each replacing the stored one with its id. */
    default void saveCases(Collection<CaseView> views) {
        views.forEach(this::saveCase);
    }

    /** Stores these inboxes, each replacing the stored one with its unit. */
    default void saveInboxes(Collection<Inbox> inboxes) {
        inboxes.forEach(this::saveInbox);
    }
}

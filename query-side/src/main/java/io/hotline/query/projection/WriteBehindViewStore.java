package io.hotline.query.projection;

import io.hotline.query.caseview.CaseView;
import io.hotline.query.inbox.Inbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ViewStore} that, while a processor batch is open, keeps the batch's case views and inboxes in memory
 * and stores each touched document once when the batch is {@linkplain #flush flushed}: every inbox first,
 * then every case view, then the case list's length. The case view's last-applied sequence stays the commit mark
 * of its events: a flush cut short leaves some inboxes (or all, and some views) stored; the batch comes again,
 * finds the views it did not store as they were, recomputes the same inbox changes (no-ops where already stored)
 * and stores them again.
 * <p>
 * The case list's places survive a flush cut short too. The views are written in the order the batch first
 * touched them, which is the order new ones were given their places, so the new views stored are the first of
 * them. The batch that comes again starts its list from the stored length or from the highest place among its
 * views, whichever is higher: the views already stored keep their places and the others get the places they got
 * the first time.
 * <p>
 * The batch's cases are read in one lookup when it {@linkplain #begin begins}; a unit's inbox is read once per
 * batch. Nothing is kept between batches, so a processor that lost its claim to another node never works on
 * a stale copy. Outside a batch every call goes straight to the backing store.
 */
final class WriteBehindViewStore implements ViewStore {

    private final ViewStore backing;
    private boolean open;
    /** The batch's cases as read at its start, null for a case without a view yet. */
    private final Map<String, CaseView> read = new HashMap<>();
    private final Map<String, Optional<Inbox>> readInboxes = new HashMap<>();
    private final Map<String, CaseView> changedCases = new LinkedHashMap<>();
    private final Map<String, Inbox> changedInboxes = new LinkedHashMap<>();
    private long storedListLength;
    private long listLength;

    WriteBehindViewStore(ViewStore backing) {
        this.backing = backing;
    }

    /** Opens a batch over these cases, reading their views in one lookup. */
    void begin(Collection<String> caseIds) {
        clear();
        open = true;
        Map<String, CaseView> found = backing.findCases(caseIds);
        caseIds.forEach(id -> read.put(id, found.get(id)));
        storedListLength = backing.listLength();
        listLength = storedListLength;
        for (CaseView view : found.values()) {
            if (view.listPosition() != null) {
                listLength = Math.max(listLength, view.listPosition());
            }
        }
    }

    boolean isOpen() {
        return open;
    }

    /**
     * Stores the batch's inboxes, then its case views, then the list's length, and closes the batch (also when a
     * write fails).
     */
    void flush() {
        try {
            backing.saveInboxes(changedInboxes.values());
            backing.saveCases(changedCases.values());
            if (listLength != storedListLength) {
                backing.saveListLength(listLength);
            }
        } finally {
            discard();
        }
    }

    /** Forgets the open batch's changes and closes it. */
    void discard() {
        clear();
        open = false;
    }

    private void clear() {
        read.clear();
        readInboxes.clear();
        changedCases.clear();
        changedInboxes.clear();
    }

    @Override
    public Optional<CaseView> findCase(String caseId) {
        if (!open) {
            return backing.findCase(caseId);
        }
        CaseView changed = changedCases.get(caseId);
        if (changed != null) {
            return Optional.of(changed);
        }
        if (!read.containsKey(caseId)) {
            read.put(caseId, backing.findCase(caseId).orElse(null));
        }
        return Optional.ofNullable(read.get(caseId));
    }

    @Override
    public void saveCase(CaseView view) {
        if (open) {
            changedCases.put(view.caseId(), view);
        } else {
            backing.saveCase(view);
        }
    }

    @Override
    public long listLength() {
        return open ? listLength : backing.listLength();
    }

    @Override
    public void saveListLength(long length) {
        if (open) {
            listLength = length;
        } else {
            backing.saveListLength(length);
        }
    }

    @Override
    public Optional<Inbox> findInbox(String unit) {
        if (!open) {
            return backing.findInbox(unit);
        }
        Inbox changed = changedInboxes.get(unit);
        if (changed != null) {
            return Optional.of(changed);
        }
        return readInboxes.computeIfAbsent(unit, backing::findInbox);
    }

    @Override
    public void saveInbox(Inbox inbox) {
        if (open) {
            changedInboxes.put(inbox.unit(), inbox);
        } else {
            backing.saveInbox(inbox);
        }
    }
}

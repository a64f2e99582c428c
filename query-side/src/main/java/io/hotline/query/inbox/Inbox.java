package io.hotline.query.inbox;

import io.hotline.query.caseview.CaseReadModel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A unit's inbox (待办): one document per unit ({@code _id} = unit code) holding all its open cases. Reading
 * a unit's work is then a single {@code _id} lookup, which stays fast on the embedded store (it uses only
 * unique indexes) and on a real MongoDB alike; sorting and colouring happen in memory at read time.
 * Entries are kept in case-id order so the document does not depend on the order writes happened in.
 */
@Document(Inbox.COLLECTION)
public record Inbox(@Id String unit, List<InboxEntry> entries) {

    /** The base name of the collection; a rebuilt generation adds a suffix. */
    public static final String COLLECTION = CaseReadModel.INBOXES;

    public Inbox {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static Inbox empty(String unit) {
        return new Inbox(unit, List.of());
    }

    public Optional<InboxEntry> entry(String caseId) {
        return entries.stream().filter(entry -> entry.caseId().equals(caseId)).findFirst();
    }

    /** This inbox with the case's entry put in (or replaced). */
    public Inbox with(InboxEntry entry) {
        List<InboxEntry> next = new ArrayList<>(entries.size() + 1);
        for (InboxEntry existing : entries) {
            if (!existing.caseId().equals(entry.caseId())) {
                next.add(existing);
            }
        }
        next.add(entry);
        next.sort(Comparator.comparing(InboxEntry::caseId));
        return new Inbox(unit, next);
    }

    /** This inbox without the case. */
    public Inbox without(String caseId) {
        return new Inbox(unit, entries.stream().filter(entry -> !entry.caseId().equals(caseId)).toList());
    }
}

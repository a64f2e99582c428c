package io.hotline.query.board;

import io.hotline.query.readmodel.CaseEntries;
import io.hotline.query.readmodel.CaseEntryDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;
import java.util.Optional;

/**
 * One queue of the coordination board: one document per queue ({@code _id} = {@link QueueName} name) holding
 * every case in it. Reading a list of the board is then a single {@code _id} lookup, which stays fast on the
 * embedded store (it uses only unique indexes), where the search it replaces scanned and sorted every case view;
 * sorting, colouring and paging happen in memory at read time. Entries are kept in case-id order so the document
 * does not depend on the order writes happened in (a rebuild gives the very same document).
 */
@Document(Queue.COLLECTION)
public record Queue(@Id String name, List<QueueEntry> entries) implements CaseEntryDocument<Queue, QueueEntry> {

    /** The base name of the collection; a rebuilt generation adds a suffix. */
    public static final String COLLECTION = "board_queue";

    public Queue {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static Queue empty(String name) {
        return new Queue(name, List.of());
    }

    @Override
    public Optional<QueueEntry> entry(String caseId) {
        return CaseEntries.of(entries, caseId, QueueEntry::caseId);
    }

    /** This queue with the case's entry put in (or replaced). */
    @Override
    public Queue with(QueueEntry entry) {
        return new Queue(name, CaseEntries.with(entries, entry, QueueEntry::caseId));
    }

    /** This queue without the case. */
    @Override
    public Queue without(String caseId) {
        return new Queue(name, CaseEntries.without(entries, caseId, QueueEntry::caseId));
    }
}

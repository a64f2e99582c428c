package io.hotline.query.search;

import io.hotline.query.caseview.CaseView;
import io.hotline.query.fulltext.LuceneIndex;
import io.hotline.query.inbox.Inbox;
import io.hotline.query.search.CaseDocuments.IndexedCase;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The case index as the store of a {@link io.hotline.query.projection.CaseViewProjection}: the same projection that
 * keeps the case views in MongoDB keeps the index, so units, deadlines, statuses and pending decisions mean exactly
 * what they mean on the case screen. Each case is one document replaced by its id; the stored view carries the
 * sequence number of the last event applied, which the projection compares before applying an event, so an event
 * delivered twice changes nothing.
 * <p>
 * Inboxes and the case list are not part of the index: they are read as empty and never written.
 * <p>
 * Progress notes and replies are kept beside the view by event sequence ({@link #note}), since the view keeps only
 * the last of each. A write is seen by the next read of this store at once, without waiting for a new searcher:
 * what was written since the searchers last reopened is read from the bytes written ({@link #unsearchable}), and
 * forgotten once a reopened searcher holds it.
 */
final class CaseIndexStore extends NotedCaseStore {

    private final LuceneIndex index;
    private final CaseDocuments documents;
    /**
     * The stored form of cases written since the searchers last reopened. Put after the write, so a reopening that
     * starts later holds the write; removed after a reopening that started after the put (only if unchanged since).
     */
    private final Map<String, BytesRef> unsearchable = new ConcurrentHashMap<>();

    CaseIndexStore(LuceneIndex index, CaseDocuments documents) {
        this.index = index;
        this.documents = documents;
        index.onRefresh(new ReferenceManager.RefreshListener() {
            private Map<String, BytesRef> before = Map.of();

            @Override
            public void beforeRefresh() {
                before = Map.copyOf(unsearchable);
            }

            @Override
            public void afterRefresh(boolean didRefresh) {
                before.forEach(unsearchable::remove);
                before = Map.of();
            }
        });
    }

    @Override
    public void saveCase(CaseView view) {
        TreeMap<Long, String> said = notesToWrite(view.caseId());
        List<IndexableField> document = documents.document(view, said);
        index.update(CaseDocuments.ID, view.caseId(), document);
        document.stream().filter(field -> field.name().equals(CaseDocuments.VIEW)).findFirst()
                .ifPresent(stored -> unsearchable.put(view.caseId(), stored.binaryValue()));
    }

    @Override
    public Optional<Inbox> findInbox(String unit) {
        return Optional.empty();
    }

    @Override
    public void saveInbox(Inbox inbox) {
        // not part of the index
    }

    @Override
    public long listLength() {
        return 0;
    }

    @Override
    public void saveListLength(long length) {
        // not part of the index
    }

    @Override
    Map<String, IndexedCase> read(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Map<String, IndexedCase> found = new HashMap<>();
        List<BytesRef> ids = new ArrayList<>();
        for (String id : caseIds) {
            BytesRef written = unsearchable.get(id);
            if (written != null) {
                found.put(id, documents.read(written));
            } else {
                ids.add(new BytesRef(id));
            }
        }
        if (ids.isEmpty()) {
            return found;
        }
        return index.search(searcher -> {
            TopDocs hits = searcher.search(new TermInSetQuery(CaseDocuments.ID, ids), ids.size());
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : hits.scoreDocs) {
                IndexedCase indexed = documents.read(stored.document(hit.doc).getBinaryValue(CaseDocuments.VIEW));
                found.putIfAbsent(indexed.view().caseId(), indexed);
            }
            return found;
        });
    }
}

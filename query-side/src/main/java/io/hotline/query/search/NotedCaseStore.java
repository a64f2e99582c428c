package io.hotline.query.search;

import io.hotline.query.caseview.CaseView;
import io.hotline.query.projection.ViewStore;
import io.hotline.query.search.CaseDocuments.IndexedCase;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the case index's stores share, whichever engine holds the documents: progress notes and replies kept beside
 * the view by event sequence (the view keeps only the last of each), gathered for the cases an open batch touches and
 * written with the case's view. A store says only how to read its stored cases ({@link #read}) and how to write one.
 */
abstract class NotedCaseStore implements ViewStore, CaseNotes {

    /** Notes of cases the open batch touched, as stored plus what came since; written with the case's view. */
    private final Map<String, TreeMap<Long, String>> notes = new HashMap<>();

    /** The stored cases among {@code caseIds}, with their notes; absent ones are left out. */
    abstract Map<String, IndexedCase> read(Collection<String> caseIds);

    @Override
    public void note(String caseId, long sequence, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        notes.computeIfAbsent(caseId, id -> storedNotes(id)).put(sequence, text);
    }

    @Override
    public void forgetNotes() {
        notes.clear();
    }

    @Override
    public Optional<CaseView> findCase(String caseId) {
        return Optional.ofNullable(findCases(List.of(caseId)).get(caseId));
    }

    @Override
    public Map<String, CaseView> findCases(Collection<String> caseIds) {
        Map<String, CaseView> found = new LinkedHashMap<>();
        Map<String, IndexedCase> read = read(caseIds);
        for (String id : caseIds) {
            IndexedCase indexed = read.get(id);
            if (indexed != null) {
                found.put(id, indexed.view());
            }
            notes.putIfAbsent(id, indexed == null ? new TreeMap<>() : indexed.notes());
        }
        return found;
    }

    /** The notes to write with this case's view now: the batch's, else the stored ones. */
    TreeMap<Long, String> notesToWrite(String caseId) {
        TreeMap<Long, String> said = notes.remove(caseId);
        return said != null ? said : storedNotes(caseId);
    }

    private TreeMap<Long, String> storedNotes(String caseId) {
        return read(List.of(caseId)).getOrDefault(caseId, new IndexedCase(null, new TreeMap<>())).notes();
    }
}

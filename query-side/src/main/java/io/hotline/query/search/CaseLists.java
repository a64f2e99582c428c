package io.hotline.query.search;

import io.hotline.query.fulltext.LuceneIndex;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The working lists (the board's, the search screen's filters without free text) answered by the case index:
 * the filters are the same non-scoring clauses as the free-text search's ({@link CaseTextSearch#query}), the order
 * is one of {@link CaseSearch.Order}, read from the documents' sort values, and every match is counted. On the
 * embedded store the same list read off the case views is a scan of every view (and another for the count): a
 * quarter of a second with 10,000 cases, growing with the log; here it is a walk of the matching documents' sort
 * values.
 * <p>
 * The orders are those of the case views' query, value for value: a case without a lead unit or without a pending
 * deadline comes first when ascending, as MongoDB puts a missing field first; every order ends on the case id, so
 * that paging never repeats or skips a case.
 */
public final class CaseLists {

    /** How deep page numbers reach here; a deeper page is read off the case views. */
    public static final int DEEPEST = CaseTextSearch.DEEPEST_BY_PAGE;

    private static final SortField ID = new SortField(CaseDocuments.ID, SortField.Type.STRING);
    private static final Map<CaseSearch.Order, Sort> SORTS = sorts();

    private CaseLists() {
    }

    private static Map<CaseSearch.Order, Sort> sorts() {
        SortField registeredNewest = new SortField(CaseDocuments.REGISTERED, SortField.Type.LONG, true);
        SortField nextDue = new SortField(CaseDocuments.NEXT_DUE, SortField.Type.LONG);
        nextDue.setMissingValue(Long.MIN_VALUE);
        SortField category = new SortField(CaseDocuments.CATEGORY, SortField.Type.STRING);
        category.setMissingValue(SortField.STRING_FIRST);
        SortField lead = new SortField(CaseDocuments.LEAD, SortField.Type.STRING);
        lead.setMissingValue(SortField.STRING_FIRST);
        Map<CaseSearch.Order, Sort> sorts = new EnumMap<>(CaseSearch.Order.class);
        sorts.put(CaseSearch.Order.NEWEST, new Sort(registeredNewest, ID));
        sorts.put(CaseSearch.Order.DEADLINE, new Sort(nextDue, ID));
        sorts.put(CaseSearch.Order.OVERDUE, new Sort(nextDue, ID));
        sorts.put(CaseSearch.Order.CATEGORY, new Sort(category, nextDue, ID));
        sorts.put(CaseSearch.Order.UNIT, new Sort(lead, nextDue, ID));
        return sorts;
    }

    /** Whether page {@code page} of {@code size} is within {@link #DEEPEST}. */
    public static boolean reaches(int page, int size) {
        return ((long) page + 1) * size <= DEEPEST;
    }

    /**
     * Page {@code page} of the cases matching {@code filter} (its text ignored: free text is
     * {@link CaseTextSearch}'s) at {@code now}, in {@code order}, with the exact count of all matches.
     */
    public static CaseTextSearch.Found list(LuceneIndex index, CaseFilter filter, CaseSearch.Order order, Instant now,
                                            int page, int size) {
        if (!reaches(page, size)) {
            throw new CaseTextSearch.TooDeep();
        }
        var query = CaseTextSearch.query(filter, null, now);
        Sort sort = SORTS.get(order);
        return index.search(searcher -> {
            int wanted = (page + 1) * size;
            TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, wanted, null,
                    Integer.MAX_VALUE));
            List<CaseTextSearch.Hit> hits = new ArrayList<>();
            for (int i = page * size; i < top.scoreDocs.length; i++) {
                // every order ends on the case id: the hit's last sort value is its id (no stored field to read)
                Object[] values = ((FieldDoc) top.scoreDocs[i]).fields;
                hits.add(new CaseTextSearch.Hit(((BytesRef) values[values.length - 1]).utf8ToString(), Map.of()));
            }
            return new CaseTextSearch.Found(hits, top.totalHits.value, true, null);
        });
    }
}

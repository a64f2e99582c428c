package io.hotline.query.search;

import io.hotline.query.fulltext.ChineseAnalysis;
import io.hotline.query.fulltext.LuceneIndex;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The case search answered by the case index: a {@link CaseFilter} becomes one Lucene query, the filters as
 * non-scoring clauses inside the engine (a unit handler's scope included, so nothing outside it is ever ranked,
 * counted or paged), the free text as scoring clauses built here from analysed terms. A reader's text is never
 * parsed as query syntax: {@code AND}, {@code *}, {@code "}, {@code \}, {@code :} are characters like any other.
 * <p>
 * <b>Text.</b> The text is cut into dictionary words ({@link ChineseAnalysis#words}); each word must occur, as
 * the phrase of its Han bigrams, in the title, the content or the notes (a match in the title weighs most). A
 * lone character matches any bigram it begins (井 finds 井盖); lone characters beside longer words only rank.
 * <p>
 * <b>Order and paging.</b> Most relevant first, then newest, then by case id: a total order, so a
 * {@linkplain Cursor cursor} (the last hit's sort values) continues exactly where a page ended, however deep,
 * without collecting the pages before it. Page numbers work too, for the first pages.
 */
public final class CaseTextSearch {

    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(CaseDocuments.REGISTERED, SortField.Type.LONG, true),
            new SortField(CaseDocuments.ID, SortField.Type.STRING));
    private static final String[] HIGHLIGHTED = {CaseDocuments.TITLE, CaseDocuments.CONTENT, CaseDocuments.NOTES};

    private CaseTextSearch() {
    }

    /** One case found: its id and, per text field that matched, a fragment with the matches marked. */
    public record Hit(String caseId, Map<String, String> highlights) {
    }

    /**
     * A page of hits, how many there are in all ({@code exact}) or at least ({@code total} is then
     * {@link #COUNTED_EXACTLY}), and the cursor of the next page (null after the last).
     */
    public record Found(List<Hit> hits, long total, boolean exact, String cursor) {
    }

    /**
     * Hits are counted one by one up to here; past it the engine stops counting and skips, by their best possible
     * score, the blocks of documents that cannot enter the page (Lucene's block-max WAND; OpenSearch's default
     * {@code track_total_hits}). Page numbers end at the same bound.
     */
    public static final int COUNTED_EXACTLY = 10_000;

    /** How deep page numbers reach; beyond it, the cursor does (a page number collects every hit before it). */
    public static final int DEEPEST_BY_PAGE = COUNTED_EXACTLY;

    /** Page {@code page} (or the page after {@code cursor}) of the cases matching {@code filter} at {@code now}. */
    public static Found search(LuceneIndex index, CaseFilter filter, Instant now, int page, int size, String cursor) {
        if (cursor == null && ((long) page + 1) * size > DEEPEST_BY_PAGE) {
            throw new TooDeep();
        }
        Query text = text(filter.text());
        if (text == null) {
            return new Found(List.of(), 0, true, null);
        }
        Query query = query(filter, text, now);
        FieldDoc after = cursor == null ? null : Cursor.decode(cursor);
        return index.search(searcher -> {
            int wanted = after != null ? size : (page + 1) * size;
            TopFieldDocs top = searcher.search(query,
                    new TopFieldCollectorManager(BY_RELEVANCE, wanted, after, COUNTED_EXACTLY));
            int from = after != null ? 0 : Math.min(top.scoreDocs.length, page * size);
            ScoreDoc[] docs = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
            long total = exact ? top.totalHits.value : COUNTED_EXACTLY;
            if (docs.length == 0) {
                return new Found(List.of(), total, exact, null);
            }
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, CaseIndex.analyzer())
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                    .withMaxNoHighlightPassages(0)
                    .withWeightMatches(false)
                    .build();
            int[] passages = {1, 2, 2};
            Map<String, String[]> marked = highlighter.highlightFields(HIGHLIGHTED, text,
                    new TopDocs(top.totalHits, docs), passages);
            var stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>();
            for (int i = 0; i < docs.length; i++) {
                Map<String, String> highlights = new LinkedHashMap<>();
                for (String field : HIGHLIGHTED) {
                    String fragment = marked.get(field)[i];
                    if (fragment != null) {
                        highlights.put(field, fragment);
                    }
                }
                hits.add(new Hit(stored.document(docs[i].doc).get(CaseDocuments.ID), highlights));
            }
            FieldDoc last = (FieldDoc) docs[docs.length - 1];
            boolean more = docs.length == size && (!exact || (after != null ? 0 : page * size) + docs.length < total);
            return new Found(hits, total, exact, more ? Cursor.encode(last) : null);
        });
    }

    /** The reader's text as a query on the text fields; null when it holds no word at all (only punctuation). */
    static Query text(String typed) {
        return text(typed, CaseDocuments.TEXT);
    }

    /** The same query on one bigram-indexed field of another index (the benchmark's analyzer comparison). */
    public static Query textQuery(String typed, String field) {
        return text(typed, Map.of(field, 1f));
    }

    private static Query text(String typed, Map<String, Float> fields) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        List<String> words = new ArrayList<>(new LinkedHashSet<>(ChineseAnalysis.words(typed)));
        boolean longWords = words.stream().anyMatch(word -> !loneHan(word));
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : words) {
            Query one = word(word, fields);
            if (one != null) {
                all.add(one, longWords && loneHan(word) ? Occur.SHOULD : Occur.MUST);
                clauses++;
            }
        }
        return clauses == 0 ? null : all.build();
    }

    /** One word in any text field, as the phrase of its bigrams (a lone character: any bigram it begins). */
    private static Query word(String word, Map<String, Float> fields) {
        List<String> grams = ChineseAnalysis.terms(CaseIndex.analyzer(), CaseDocuments.TITLE, word);
        if (grams.isEmpty()) {
            return null;
        }
        List<Query> perField = new ArrayList<>();
        fields.forEach((field, weight) -> {
            Query match = grams.size() > 1 ? new PhraseQuery(field, grams.toArray(String[]::new))
                    : loneHan(grams.get(0)) ? new PrefixQuery(new Term(field, grams.get(0)))
                    : new TermQuery(new Term(field, grams.get(0)));
            perField.add(new BoostQuery(match, weight));
        });
        return new DisjunctionMaxQuery(perField, 0.1f);
    }

    private static boolean loneHan(String word) {
        return ChineseAnalysis.loneHan(word);
    }

    /** The text (scoring, may be null) and every filter of {@code filter} (not scoring) as one query. */
    static Query query(CaseFilter filter, Query text, Instant now) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            query.add(new TermInSetQuery(CaseDocuments.STATUS,
                    filter.statuses().stream().map(status -> new BytesRef(status.name())).toList()), Occur.FILTER);
        }
        keyword(query, CaseDocuments.UNIT, filter.unit());
        if (filter.scopeUnits() != null) {
            // the reader's own unit or their district's subtree, inside the engine: one set of terms
            query.add(new TermInSetQuery(CaseDocuments.INVOLVED,
                    filter.scopeUnits().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        keyword(query, CaseDocuments.CATEGORY, filter.category() == null ? null : filter.category().name());
        keyword(query, CaseDocuments.CHANNEL, filter.channel() == null ? null : filter.channel().name());
        keyword(query, CaseDocuments.URGENCY, filter.urgency() == null ? null : filter.urgency().name());
        keyword(query, CaseDocuments.PHONE, filter.phoneHash());
        keyword(query, CaseDocuments.NUMBER, filter.number());
        keyword(query, CaseDocuments.PENDING, filter.pending() == null ? null : filter.pending().name());
        if (filter.areaPrefix() != null) {
            query.add(new PrefixQuery(new Term(CaseDocuments.AREA, filter.areaPrefix())), Occur.FILTER);
        }
        Query overdue = LongPoint.newRangeQuery(CaseDocuments.NEXT_DUE, Long.MIN_VALUE, now.toEpochMilli());
        if (Boolean.TRUE.equals(filter.overdue())) {
            query.add(overdue, Occur.FILTER);
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            query.add(overdue, Occur.MUST_NOT);
        }
        if (filter.from() != null || filter.to() != null) {
            long from = filter.from() == null ? Long.MIN_VALUE : filter.from().toEpochMilli();
            long to = filter.to() == null ? Long.MAX_VALUE : filter.to().toEpochMilli() - 1;
            query.add(LongPoint.newRangeQuery(CaseDocuments.REGISTERED, from, to), Occur.FILTER);
        }
        return query.build();
    }

    private static void keyword(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    /**
     * Where a page ended, as an opaque string: the last hit's score, registration time and case id. Anything else
     * handed back is refused (400 naming {@code cursor}), never passed to the engine.
     */
    static final class Cursor {

        private Cursor() {
        }

        static String encode(FieldDoc last) {
            String plain = Float.floatToIntBits((Float) last.fields[0]) + "|" + last.fields[1] + "|"
                    + ((BytesRef) last.fields[2]).utf8ToString();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static FieldDoc decode(String cursor) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = plain.split("\\|", 3);
                if (parts.length != 3 || parts[2].isEmpty()) {
                    throw new IllegalArgumentException("three parts");
                }
                // just after the last case's id (no id is its prefix plus the lowest character), so that case,
                // whose sort values equal the cursor's, is never on the next page again
                Object[] fields = {Float.intBitsToFloat(Integer.parseInt(parts[0])), Long.parseLong(parts[1]),
                        new BytesRef(parts[2] + "\u0000")};
                return new FieldDoc(-1, Float.NaN, fields);
            } catch (IllegalArgumentException e) {
                throw new BadCursor();
            }
        }
    }

    /** A page number past {@link #DEEPEST_BY_PAGE} hits. */
    public static final class TooDeep extends IllegalArgumentException {
        TooDeep() {
            super("page: free-text results by page number end at " + DEEPEST_BY_PAGE + "; go on with the cursor");
        }
    }

    /** A cursor this search did not give. */
    public static final class BadCursor extends IllegalArgumentException {
        BadCursor() {
            super("cursor: not a cursor a search gave; start again without it");
        }
    }
}

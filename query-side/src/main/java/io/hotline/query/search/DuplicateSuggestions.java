package io.hotline.query.search;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.common.Category;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.fulltext.LuceneIndex;
import io.hotline.query.personal.FreeText;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 并单 suggestions while an operator registers a call: earlier cases that may be the same matter.
 * <ul>
 *   <li>The caller's own earlier cases, by the keyed hash of the phone (the index holds the hash, never the
 *   number), newest first.</li>
 *   <li>Cases similar in meaning: more-like-this over the title and the content typed so far (the most telling
 *   bigrams of the text, weighed by how rare they are, a quarter of them at least to match; a case less than
 *   {@value #LEAST_SIMILARITY} as similar as the best is dropped), then ranked by that similarity with a lift for
 *   cases still open, for the same area (then the same district), and for recent ones.</li>
 * </ul>
 * Only cases registered within the window, never merged ones (one merges into the original), and for a unit
 * handler only their unit's cases: all inside the engine.
 */
public final class DuplicateSuggestions {

    /** How much being open, in the same area, in the same district and new lifts a similar case (similarity ≤ 1). */
    static final double OPEN = 0.3;
    static final double SAME_AREA = 0.2;
    static final double SAME_DISTRICT = 0.1;
    static final double RECENT = 0.1;
    /** A case less than this share as similar as the most similar one is noise (one shared common word). */
    static final double LEAST_SIMILARITY = 0.3;
    private static final int CANDIDATES = 50;

    private DuplicateSuggestions() {
    }

    /** Why a case is suggested. */
    public enum Reason {
        SAME_CALLER,
        SIMILAR
    }

    /** What the duplicate panel shows of a suggested case. */
    public record Suggestion(String caseId, String caseNumber, String title, CaseStatus status, Category category,
                      String area, Instant registeredAt, List<Reason> reasons) {

        static Suggestion of(CaseView view, List<Reason> reasons) {
            return new Suggestion(view.caseId(), view.caseNumber(), FreeText.scrubbed(view.title()), view.status(),
                    view.category(), view.area(), view.registeredAt(), reasons);
        }
    }

    /** What is being typed at intake, and who may see what. */
    public record Typed(String title, String content, String area, String phoneHash, Set<String> scopeUnits) {
    }

    public static List<Suggestion> suggest(LuceneIndex index, CaseDocuments documents, Typed typed, Instant now,
                                    Duration window, int size) {
        return index.search(searcher -> {
            Query base = base(typed, now, window);
            Map<String, Suggestion> found = new LinkedHashMap<>();
            StoredFields stored = searcher.storedFields();
            if (typed.phoneHash() != null) {
                Query caller = new BooleanQuery.Builder().add(base, Occur.FILTER)
                        .add(new TermQuery(new Term(CaseDocuments.PHONE, typed.phoneHash())), Occur.MUST).build();
                Sort newestFirst = new Sort(new SortField(CaseDocuments.REGISTERED, SortField.Type.LONG, true));
                for (ScoreDoc hit : searcher.search(caller, size, newestFirst).scoreDocs) {
                    CaseView view = view(documents, stored, hit);
                    found.put(view.caseId(), Suggestion.of(view, List.of(Reason.SAME_CALLER)));
                }
            }
            for (CaseView view : similar(searcher, documents, typed, base, now, window)) {
                Suggestion before = found.get(view.caseId());
                found.put(view.caseId(), Suggestion.of(view,
                        before == null ? List.of(Reason.SIMILAR) : List.of(Reason.SAME_CALLER, Reason.SIMILAR)));
            }
            return found.values().stream().limit(size).toList();
        });
    }

    /** Within the window, not merged, within the reader's unit. */
    private static Query base(Typed typed, Instant now, Duration window) {
        BooleanQuery.Builder base = new BooleanQuery.Builder()
                .add(LongPoint.newRangeQuery(CaseDocuments.REGISTERED, now.minus(window).toEpochMilli(),
                        Long.MAX_VALUE), Occur.FILTER)
                .add(new TermQuery(new Term(CaseDocuments.STATUS, CaseStatus.MERGED.name())), Occur.MUST_NOT);
        if (typed.scopeUnits() != null) {
            base.add(new TermInSetQuery(CaseDocuments.INVOLVED, typed.scopeUnits().stream().map(BytesRef::new).toList()),
                    Occur.FILTER);
        }
        return base.build();
    }

    private static List<CaseView> similar(IndexSearcher searcher, CaseDocuments documents, Typed typed, Query base,
                                          Instant now, Duration window) throws IOException {
        String text = ((typed.title() == null ? "" : typed.title()) + "\n"
                + (typed.content() == null ? "" : typed.content())).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        Query like = like(searcher.getIndexReader(), text);
        if (like == null) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder().add(like, Occur.MUST).add(base, Occur.FILTER).build();
        TopDocs top = searcher.search(query, CANDIDATES);
        if (top.scoreDocs.length == 0) {
            return List.of();
        }
        double best = top.scoreDocs[0].score;
        StoredFields stored = searcher.storedFields();
        record Ranked(CaseView view, double rank) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            if (hit.score / best < LEAST_SIMILARITY) {
                continue;
            }
            CaseView view = view(documents, stored, hit);
            ranked.add(new Ranked(view, hit.score / best + lift(view, typed.area(), now, window)));
        }
        return ranked.stream().sorted(Comparator.comparingDouble(Ranked::rank).reversed()).map(Ranked::view)
                .toList();
    }

    /** The lift of open, same-area, same-district and recent cases. */
    static double lift(CaseView view, String area, Instant now, Duration window) {
        double lift = view.status() != null && view.status().isOpen() ? OPEN : 0;
        if (area != null && view.area() != null) {
            if (area.equals(view.area())) {
                lift += SAME_AREA;
            } else if (area.length() >= 6 && view.area().startsWith(area.substring(0, 6))) {
                lift += SAME_DISTRICT;
            }
        }
        if (view.registeredAt() != null) {
            double age = Duration.between(view.registeredAt(), now).toMillis() / (double) window.toMillis();
            lift += RECENT * Math.max(0, 1 - age);
        }
        return lift;
    }

    /** More-like-this over title and content, at least a quarter of its terms (1 to 4) matching; null: no terms. */
    private static Query like(IndexReader reader, String text) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(CaseIndex.analyzer());
        mlt.setFieldNames(new String[]{CaseDocuments.TITLE, CaseDocuments.CONTENT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(1);
        mlt.setMaxQueryTerms(25);
        mlt.setBoost(true);
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        int fields = 0;
        for (String field : List.of(CaseDocuments.TITLE, CaseDocuments.CONTENT)) {
            BooleanQuery terms = (BooleanQuery) mlt.like(field, new StringReader(text));
            if (terms.clauses().isEmpty()) {
                continue;
            }
            BooleanQuery.Builder enough = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch((int) Math.max(1, Math.min(4, Math.round(terms.clauses().size() / 4.0))));
            for (BooleanClause clause : terms.clauses()) {
                enough.add(clause.getQuery(), Occur.SHOULD);
            }
            either.add(enough.build(), Occur.SHOULD);
            fields++;
        }
        return fields == 0 ? null : either.build();
    }

    private static CaseView view(CaseDocuments documents, StoredFields stored, ScoreDoc hit) throws IOException {
        return documents.read(stored.document(hit.doc).getBinaryValue(CaseDocuments.VIEW)).view();
    }
}

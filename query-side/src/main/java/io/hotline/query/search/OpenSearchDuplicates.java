package io.hotline.query.search;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.fulltext.OpenSearchIndex;
import io.hotline.query.search.DuplicateSuggestions.Reason;
import io.hotline.query.search.DuplicateSuggestions.Suggestion;
import io.hotline.query.search.DuplicateSuggestions.Typed;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Like;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.search.Hit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 并单 suggestions answered by the case index on OpenSearch: what {@link DuplicateSuggestions} does with Lucene,
 * with OpenSearch's {@code more_like_this}. The caller's earlier cases by the phone hash, newest first; similar cases
 * by the 25 most telling bigrams of the title and content typed, per field, at least a quarter of them and at most
 * four having to match (two {@code more_like_this} clauses: "25%" or "4", whichever asks less), cases under
 * {@value DuplicateSuggestions#LEAST_SIMILARITY} of the best similarity dropped, then the same lift for open, same
 * area and recent cases ({@link DuplicateSuggestions#lift}). Window, merged cases and unit scope are filters inside
 * the engine.
 */
final class OpenSearchDuplicates {

    private static final int CANDIDATES = 50;
    private static final int MOST_TERMS = 25;

    private OpenSearchDuplicates() {
    }

    static List<Suggestion> suggest(OpenSearchIndex index, OpenSearchCaseStore store, Typed typed, Instant now,
                                    Duration window, int size) {
        try {
            Map<String, Suggestion> found = new LinkedHashMap<>();
            if (typed.phoneHash() != null) {
                Query caller = Query.of(q -> q.bool(base(typed, now, window).filter(f -> f.term(term -> term
                        .field(CaseDocuments.PHONE).value(FieldValue.of(typed.phoneHash())))).build()));
                SearchRequest request = new SearchRequest.Builder().index(index.name()).query(caller).size(size)
                        .sort(sort -> sort.field(field -> field.field(CaseDocuments.REGISTERED).order(SortOrder.Desc)))
                        .source(source -> source.filter(only -> only.includes(CaseDocuments.VIEW))).build();
                for (Hit<OpenSearchCaseStore.Stored> hit : index.client()
                        .search(request, OpenSearchCaseStore.Stored.class).hits().hits()) {
                    CaseView view = store.read(hit.source()).view();
                    found.put(view.caseId(), Suggestion.of(view, List.of(Reason.SAME_CALLER)));
                }
            }
            for (CaseView view : similar(index, store, typed, now, window)) {
                Suggestion before = found.get(view.caseId());
                found.put(view.caseId(), Suggestion.of(view,
                        before == null ? List.of(Reason.SIMILAR) : List.of(Reason.SAME_CALLER, Reason.SIMILAR)));
            }
            return found.values().stream().limit(size).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Within the window, not merged, within the reader's unit. */
    private static BoolQuery.Builder base(Typed typed, Instant now, Duration window) {
        BoolQuery.Builder base = new BoolQuery.Builder()
                .filter(f -> f.range(range -> range.field(CaseDocuments.REGISTERED)
                        .gte(JsonData.of(now.minus(window).toEpochMilli()))))
                .mustNot(not -> not.term(term -> term.field(CaseDocuments.STATUS)
                        .value(FieldValue.of(CaseStatus.MERGED.name()))));
        OpenSearchCaseSearch.keywords(base, CaseDocuments.INVOLVED, typed.scopeUnits());
        return base;
    }

    private static List<CaseView> similar(OpenSearchIndex index, OpenSearchCaseStore store, Typed typed, Instant now,
                                          Duration window) throws IOException {
        String text = ((typed.title() == null ? "" : typed.title()) + "\n"
                + (typed.content() == null ? "" : typed.content())).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        BoolQuery.Builder like = new BoolQuery.Builder().minimumShouldMatch("1");
        for (String field : List.of(CaseDocuments.TITLE, CaseDocuments.CONTENT)) {
            for (String enough : List.of("25%", "4")) {
                like.should(should -> should.moreLikeThis(mlt -> mlt.fields(field).like(Like.of(l -> l.text(text)))
                        .minTermFreq(1).minDocFreq(1).minWordLength(1).maxQueryTerms(MOST_TERMS).boostTerms(1.0)
                        .minimumShouldMatch(enough)));
            }
        }
        Query query = Query.of(q -> q.bool(base(typed, now, window).must(must -> must.bool(like.build())).build()));
        SearchRequest request = new SearchRequest.Builder().index(index.name()).query(query).size(CANDIDATES)
                .source(source -> source.filter(only -> only.includes(CaseDocuments.VIEW))).build();
        List<Hit<OpenSearchCaseStore.Stored>> hits = index.client().search(request, OpenSearchCaseStore.Stored.class)
                .hits().hits();
        if (hits.isEmpty() || hits.get(0).score() == null) {
            return List.of();
        }
        double best = hits.get(0).score();
        record Ranked(CaseView view, double rank) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Hit<OpenSearchCaseStore.Stored> hit : hits) {
            double similarity = hit.score() / best;
            if (similarity < DuplicateSuggestions.LEAST_SIMILARITY) {
                continue;
            }
            CaseView view = store.read(hit.source()).view();
            ranked.add(new Ranked(view, similarity + DuplicateSuggestions.lift(view, typed.area(), now, window)));
        }
        return ranked.stream().sorted(Comparator.comparingDouble(Ranked::rank).reversed()).map(Ranked::view)
                .toList();
    }
}

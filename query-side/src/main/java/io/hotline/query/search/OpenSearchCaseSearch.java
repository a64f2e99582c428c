package io.hotline.query.search;

import io.hotline.query.fulltext.ChineseAnalysis;
import io.hotline.query.fulltext.OpenSearchIndex;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.TotalHitsRelation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The case search answered by the case index on OpenSearch: the same search as {@link CaseTextSearch} in
 * OpenSearch's query language. The filters are {@code filter} clauses of one {@code bool} query (a unit handler's
 * scope a {@code term} on the units-involved field, so nothing outside it is ranked, counted or paged); the text is
 * cut into dictionary words here ({@link ChineseAnalysis#words}, as for Lucene), each a {@code match_phrase} on the
 * bigram-analysed title (weight 3), content (1) or notes (0.5), a lone character a {@code prefix} of the bigrams.
 * Never {@code query_string}: a reader's text is never query syntax. Ordered by score, then newest, then case id;
 * a cursor is the last hit's three sort values for {@code search_after}. Highlights by OpenSearch's highlighter,
 * HTML-encoded, matches in {@code <mark>}.
 */
final class OpenSearchCaseSearch {

    private static final List<SortOptions> BY_RELEVANCE = List.of(
            SortOptions.of(sort -> sort.score(score -> score.order(SortOrder.Desc))),
            SortOptions.of(sort -> sort.field(field -> field.field(CaseDocuments.REGISTERED).order(SortOrder.Desc))),
            SortOptions.of(sort -> sort.field(field -> field.field(CaseDocuments.ID).order(SortOrder.Asc))));
    /** Fragments per highlighted field, as the Lucene search gives. */
    private static final Map<String, Integer> HIGHLIGHTED = highlighted();

    private OpenSearchCaseSearch() {
    }

    private static Map<String, Integer> highlighted() {
        Map<String, Integer> fields = new LinkedHashMap<>();
        fields.put(CaseDocuments.TITLE, 1);
        fields.put(CaseDocuments.CONTENT, 2);
        fields.put(CaseDocuments.NOTES, 2);
        return fields;
    }

    static CaseTextSearch.Found search(OpenSearchIndex index, CaseFilter filter, Instant now, int page, int size,
                                       String cursor) {
        if (cursor == null && ((long) page + 1) * size > CaseTextSearch.DEEPEST_BY_PAGE) {
            throw new CaseTextSearch.TooDeep();
        }
        Query text = text(filter.text());
        if (text == null) {
            return new CaseTextSearch.Found(List.of(), 0, true, null);
        }
        List<FieldValue> after = cursor == null ? null : decode(cursor);
        SearchRequest.Builder request = new SearchRequest.Builder().index(index.name())
                .query(query(filter, text, now)).size(size).sort(BY_RELEVANCE)
                .trackTotalHits(total -> total.count(CaseTextSearch.COUNTED_EXACTLY)).source(source -> source.fetch(false))
                .highlight(highlight -> {
                    highlight.preTags("<mark>").postTags("</mark>").encoder(HighlighterEncoder.Html).noMatchSize(0);
                    HIGHLIGHTED.forEach((field, fragments) -> highlight.fields(field,
                            one -> one.numberOfFragments(fragments)));
                    return highlight;
                });
        if (after != null) {
            request.searchAfterVals(after);
        } else {
            request.from(page * size);
        }
        try {
            SearchResponse<Void> response = index.client().search(request.build(), Void.class);
            var counted = response.hits().total();
            long total = counted == null ? 0 : counted.value();
            boolean exact = counted == null || counted.relation() == TotalHitsRelation.Eq;
            List<Hit<Void>> docs = response.hits().hits();
            if (docs.isEmpty()) {
                return new CaseTextSearch.Found(List.of(), total, exact, null);
            }
            List<CaseTextSearch.Hit> hits = new ArrayList<>();
            for (Hit<Void> doc : docs) {
                Map<String, String> highlights = new LinkedHashMap<>();
                for (String field : HIGHLIGHTED.keySet()) {
                    List<String> fragments = doc.highlight().get(field);
                    if (fragments != null && !fragments.isEmpty()) {
                        highlights.put(field, String.join("…", fragments));
                    }
                }
                hits.add(new CaseTextSearch.Hit(doc.id(), highlights));
            }
            boolean more = docs.size() == size
                    && (!exact || (after != null ? 0 : (long) page * size) + docs.size() < total);
            return new CaseTextSearch.Found(hits, total, exact,
                    more ? encode(docs.get(docs.size() - 1).sortVals()) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reader's text as a query on the text fields; null when it holds no word at all (only punctuation). */
    static Query text(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        List<String> words = new ArrayList<>(new LinkedHashSet<>(ChineseAnalysis.words(typed)));
        boolean longWords = words.stream().anyMatch(word -> !ChineseAnalysis.loneHan(word));
        BoolQuery.Builder all = new BoolQuery.Builder();
        int clauses = 0;
        for (String word : words) {
            Query one = word(word);
            if (one != null) {
                if (longWords && ChineseAnalysis.loneHan(word)) {
                    all.should(one);
                } else {
                    all.must(one);
                }
                clauses++;
            }
        }
        return clauses == 0 ? null : Query.of(query -> query.bool(all.build()));
    }

    /** One word in any text field: the phrase of its bigrams (the field analyzer cuts them); one character: a prefix. */
    private static Query word(String word) {
        List<String> grams = ChineseAnalysis.terms(CaseIndex.analyzer(), CaseDocuments.TITLE, word);
        if (grams.isEmpty()) {
            return null;
        }
        List<Query> perField = new ArrayList<>();
        boolean lone = grams.size() == 1 && ChineseAnalysis.loneHan(grams.get(0));
        CaseDocuments.TEXT.forEach((field, weight) -> perField.add(lone
                ? Query.of(q -> q.prefix(prefix -> prefix.field(field).value(grams.get(0)).boost(weight)))
                : Query.of(q -> q.matchPhrase(phrase -> phrase.field(field).query(word).boost(weight)))));
        return Query.of(query -> query.disMax(max -> max.queries(perField).tieBreaker(0.1)));
    }

    /** The text (scoring) and every filter of {@code filter} (not scoring) as one query. */
    static Query query(CaseFilter filter, Query text, Instant now) {
        BoolQuery.Builder query = new BoolQuery.Builder().must(text);
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            List<FieldValue> statuses = filter.statuses().stream().map(status -> FieldValue.of(status.name()))
                    .toList();
            query.filter(f -> f.terms(terms -> terms.field(CaseDocuments.STATUS).terms(in -> in.value(statuses))));
        }
        keyword(query, CaseDocuments.UNIT, filter.unit());
        keywords(query, CaseDocuments.INVOLVED, filter.scopeUnits());
        keyword(query, CaseDocuments.CATEGORY, filter.category() == null ? null : filter.category().name());
        keyword(query, CaseDocuments.CHANNEL, filter.channel() == null ? null : filter.channel().name());
        keyword(query, CaseDocuments.URGENCY, filter.urgency() == null ? null : filter.urgency().name());
        keyword(query, CaseDocuments.PHONE, filter.phoneHash());
        keyword(query, CaseDocuments.NUMBER, filter.number());
        keyword(query, CaseDocuments.PENDING, filter.pending() == null ? null : filter.pending().name());
        if (filter.areaPrefix() != null) {
            query.filter(f -> f.prefix(prefix -> prefix.field(CaseDocuments.AREA).value(filter.areaPrefix())));
        }
        Query overdue = Query.of(q -> q.range(range -> range.field(CaseDocuments.NEXT_DUE)
                .lte(JsonData.of(now.toEpochMilli()))));
        if (Boolean.TRUE.equals(filter.overdue())) {
            query.filter(overdue);
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            query.mustNot(overdue);
        }
        if (filter.from() != null || filter.to() != null) {
            query.filter(f -> f.range(range -> {
                range.field(CaseDocuments.REGISTERED);
                if (filter.from() != null) {
                    range.gte(JsonData.of(filter.from().toEpochMilli()));
                }
                if (filter.to() != null) {
                    range.lt(JsonData.of(filter.to().toEpochMilli()));
                }
                return range;
            }));
        }
        return Query.of(q -> q.bool(query.build()));
    }

    /** A filter on any of the values (a reader's units: their own, or their district's subtree); none: no filter. */
    static void keywords(BoolQuery.Builder query, String field, java.util.Collection<String> values) {
        if (values != null) {
            List<FieldValue> any = values.stream().map(FieldValue::of).toList();
            query.filter(f -> f.terms(terms -> terms.field(field).terms(set -> set.value(any))));
        }
    }

    static void keyword(BoolQuery.Builder query, String field, String value) {
        if (value != null) {
            query.filter(f -> f.term(term -> term.field(field).value(FieldValue.of(value))));
        }
    }

    /** Where a page ended, as an opaque string: the last hit's score, registration time and case id. */
    static String encode(List<FieldValue> last) {
        float score = ((Number) last.get(0)._get()).floatValue();
        long registered = ((Number) last.get(1)._get()).longValue();
        String plain = Float.floatToIntBits(score) + "|" + registered + "|" + last.get(2)._get();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort values a cursor holds; anything this search did not give is refused (400 naming cursor). */
    static List<FieldValue> decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw new IllegalArgumentException("three parts");
            }
            return List.of(FieldValue.of((double) Float.intBitsToFloat(Integer.parseInt(parts[0]))),
                    FieldValue.of(Long.parseLong(parts[1])), FieldValue.of(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new CaseTextSearch.BadCursor();
        }
    }
}

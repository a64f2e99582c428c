package io.hotline.query.search;

import io.hotline.query.caseview.CaseList;
import io.hotline.query.caseview.CaseView;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The search without filters (what the search screen shows as it opens): every case, newest first, read off the
 * {@link CaseList} as a lookup of the page's places on the unique index over them, never a sort of every view.
 * <p>
 * Answers only what it can answer exactly: when the list's length is not the number of views (a generation made
 * before the list existed, or a batch of the projection half-way through storing), or a place of the page is
 * missing, it answers nothing and the caller searches the ordinary way.
 */
@Component
class NewestFirst {

    private final ReactiveMongoTemplate mongo;

    NewestFirst(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Page {@code page} of every case, or empty when the list cannot be trusted now. */
    Mono<SearchPage> page(String views, String list, int page, int size, Instant now, boolean mayKnowComplainant) {
        return Mono.zip(CaseList.lengthIn(mongo, list), mongo.estimatedCount(views)).flatMap(sizes -> {
            long total = sizes.getT1();
            if (total != sizes.getT2()) {
                return Mono.empty();
            }
            long newest = total - (long) page * size;
            int expected = (int) Math.max(0, Math.min(size, newest));
            if (expected == 0) {
                return Mono.just(SearchPage.of(List.of(), page, size, total));
            }
            List<Long> places = LongStream.rangeClosed(newest - expected + 1, newest).boxed().toList();
            Query query = CaseSearch.summaryFields(Query.query(Criteria.where(CaseList.POSITION).in(places)));
            return mongo.find(query, CaseView.class, views).collectList()
                    .filter(found -> found.size() == expected)
                    .map(found -> SearchPage.of(found.stream()
                            .sorted(Comparator.comparing(CaseView::listPosition).reversed())
                            .map(view -> CaseSummary.of(view, now, mayKnowComplainant))
                            .toList(), page, size, total));
        });
    }
}

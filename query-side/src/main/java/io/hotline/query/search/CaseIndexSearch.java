package io.hotline.query.search;

import io.hotline.query.caseview.CaseView;
import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The searches the console fires constantly, answered from the {@link SearchKey} documents by {@code _id} instead of
 * a query over every case view (on the embedded store, which uses only unique indexes, that query is a scan and a
 * sort of the whole collection, holding its lock meanwhile):
 * <ol>
 * <li>with a case number: the cases under that number ({@link SearchKey#NUMBER});</li>
 * <li>else with a phone hash: the cases under that hash ({@link SearchKey#PHONE});</li>
 * <li>else with no criterion at all, for a reader without a unit scope (the hotline's staff): the newest cases,
 * walking the day documents ({@link SearchKey#DAY}) from the latest day of the {@link CaseCalendar} back, reading
 * just enough days for the page asked for.</li>
 * </ol>
 * For the first two, the candidates' views are fetched in one {@code _id $in} lookup and the whole filter is
 * decided in memory ({@link CaseMatch}), then sorted, counted and paged as {@link CaseSearch#query} does, so the
 * page is the query's page. Every other search is {@linkplain #answers not answered here} and keeps the query.
 * <p>
 * The newest-first listing's total is the case collection's {@code estimatedDocumentCount} (collection metadata on
 * a real MongoDB, a size on the embedded store: constant time on both). While a processor batch is being stored the
 * day documents are written before the case views, so for that moment the total may lag the listed entries by the
 * batch's new cases (and a listed case whose view is not stored yet is left out of the page).
 */
@Component
class CaseIndexSearch {

    /** How many ids go into one {@code $in} lookup. */
    private static final int LOOKUP_BATCH = 1_000;
    private static final Comparator<CaseView> ORDER = Comparator
            .comparing(CaseView::registeredAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed()
            .thenComparing(CaseView::caseId);

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;

    CaseIndexSearch(ReactiveMongoTemplate mongo, ReadModelGenerations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    /** Whether this filter is one of the searches answered by lookups. */
    boolean answers(CaseFilter filter) {
        return filter.number() != null || filter.phoneHash() != null || filter.isEmpty();
    }

    /** The page {@link CaseSearch#query} would give for an {@linkplain #answers answered} filter. */
    Mono<SearchPage> page(CaseFilter filter, Instant now, int page, int size, boolean mayKnowComplainant) {
        if (filter.number() != null) {
            return candidates(SearchKey.NUMBER, filter.number(), filter, now, page, size, mayKnowComplainant);
        }
        if (filter.phoneHash() != null) {
            return candidates(SearchKey.PHONE, filter.phoneHash(), filter, now, page, size, mayKnowComplainant);
        }
        if (filter.isEmpty()) {
            return newest(now, page, size, mayKnowComplainant);
        }
        throw new IllegalArgumentException("not a search answered by lookups: " + filter);
    }

    private Mono<SearchPage> candidates(SearchKey kind, String key, CaseFilter filter, Instant now, int page,
                                        int size, boolean mayKnowComplainant) {
        CaseMatch match = new CaseMatch(filter, now);
        return mongo.findById(key, KeyedCases.class, collection(kind.collection()))
                .map(KeyedCases::caseIds)
                .defaultIfEmpty(List.of())
                .flatMap(ids -> views(ids, Function.identity()).filter(match).collectSortedList(ORDER))
                .map(found -> {
                    int first = (int) Math.min((long) page * size, found.size());
                    List<CaseSummary> items = found.subList(first, Math.min(found.size(), first + size)).stream()
                            .map(view -> CaseSummary.of(view, now, mayKnowComplainant)).toList();
                    return page(items, page, size, found.size());
                });
    }

    private Mono<SearchPage> newest(Instant now, int page, int size, boolean mayKnowComplainant) {
        String days = collection(SearchKey.DAY.collection());
        long skip = (long) page * size;
        Mono<List<String>> ids = mongo.findById(CaseCalendar.ID, CaseCalendar.class, days)
                .map(CaseCalendar::latestFirst)
                .flatMapMany(Flux::fromIterable)
                // one day at a time, so the first page reads only as many days as it needs
                .concatMap(day -> mongo.findById(day, KeyedCases.class, days)
                        .flatMapIterable(KeyedCases::entries))
                .take(skip + size)
                .skip(skip)
                .map(KeyedCase::caseId)
                .collectList();
        Mono<Long> total = mongo.estimatedCount(collection(CaseView.COLLECTION));
        return Mono.zip(ids, total).flatMap(found -> {
            List<String> pageIds = found.getT1();
            return views(pageIds, CaseSearch::summaryFields)
                    .collectMap(CaseView::caseId)
                    .map(byId -> pageIds.stream().map(byId::get).filter(Objects::nonNull)
                            .map(view -> CaseSummary.of(view, now, mayKnowComplainant)).toList())
                    .map(items -> page(items, page, size, found.getT2()));
        });
    }

    /** The stored views of these cases, by {@code _id $in} lookups (a case without a view is left out). */
    private Flux<CaseView> views(List<String> ids, Function<Query, Query> fields) {
        String cases = collection(CaseView.COLLECTION);
        return Flux.fromIterable(ids).buffer(LOOKUP_BATCH)
                .concatMap(window -> mongo.find(fields.apply(Query.query(Criteria.where("_id").in(window))),
                        CaseView.class, cases));
    }

    private String collection(String base) {
        return generations.liveCollection(ReadModel.CASES, base);
    }

    private static SearchPage page(List<CaseSummary> items, int page, int size, long total) {
        return new SearchPage(items, page, size, total, (int) ((total + size - 1) / size));
    }
}

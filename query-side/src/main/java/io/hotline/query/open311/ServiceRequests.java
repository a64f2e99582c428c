package io.hotline.query.open311;

import io.hotline.query.caseview.CaseLookup;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers the Open311 reads from the Open311 read model (what the app sent) joined with the case view (how the
 * case stands now: state, accountable unit, completion deadline, last change), both by {@code _id}.
 * <p>
 * The listing reads the day lists of its window (at most 91 {@code _id} lookups), then each listed request and
 * its case by {@code _id}, newest day first, and stops at 1000 answers. This is a bounded scan of the requests
 * filed in the window, not of the collection: its cost grows with the Open311 requests of those days only. A
 * status or service filter is applied to what the days hold, so a narrow filter over a busy window reads more
 * than it answers; the 90-day limit of the standard bounds that.
 */
class ServiceRequests {

    private static final int CONCURRENT_READS = 8;

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final CaseLookup cases;
    private final DateTimeFormatter time;

    ServiceRequests(ReactiveMongoTemplate mongo, ReadModelGenerations generations, CaseLookup cases, ZoneId zone) {
        this.mongo = mongo;
        this.generations = generations;
        this.cases = cases;
        this.time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    Mono<ServiceRequest> one(String caseId) {
        return record(caseId).flatMap(this::answer);
    }

    Mono<String> caseIdForToken(String token) {
        return mongo.findById(token, Document.class, collection(Open311Collections.TOKENS))
                .map(found -> found.getString("caseId"));
    }

    Mono<List<ServiceRequest>> list(RequestQuery query) {
        Flux<RequestRecord> records = query.byIds()
                ? Flux.fromIterable(query.ids()).flatMapSequential(this::record, CONCURRENT_READS)
                : Flux.fromIterable(query.daysNewestFirst()).concatMap(day -> day(day)
                        .filter(query::admits)
                        .sort(Comparator.comparing(RequestRecord::requestedAt).reversed()));
        return records.flatMapSequential(this::answer, CONCURRENT_READS)
                .filter(request -> query.byIds() || query.admitsStatus(request.status()))
                .take(RequestQuery.MAX_RESULTS)
                .collectList();
    }

    private Flux<RequestRecord> day(String day) {
        return mongo.findById(day, Document.class, collection(Open311Collections.DAYS))
                .flatMapIterable(found -> found.getList("requests", String.class, List.of()))
                .flatMapSequential(this::record, CONCURRENT_READS);
    }

    private Mono<RequestRecord> record(String caseId) {
        return mongo.findById(caseId, RequestRecord.class, collection(Open311Collections.REQUESTS));
    }

    /** The record with how its case stands; a case the view has not caught up with yet reads as registered. */
    private Mono<ServiceRequest> answer(RequestRecord record) {
        return cases.find(record.caseId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(view -> request(record, view.orElse(null)));
    }

    private ServiceRequest request(RequestRecord record, CaseView view) {
        Instant expected = view == null || view.completionDeadline() == null || !view.status().isOpen() ? null
                : view.completionDeadline().due();
        Instant updated = view == null || view.updatedAt() == null ? record.requestedAt() : view.updatedAt();
        return new ServiceRequest(record.caseId(),
                Open311Status.of(view == null ? null : view.status()),
                Open311Status.notes(view == null ? null : view.status()),
                ServiceCatalogue.name(record.category()), record.category().name(), record.description(),
                view == null ? CaseView.HOTLINE : view.accountableUnit(), null,
                format(record.requestedAt()), format(updated), format(expected),
                record.address(), record.addressId(), null, record.latitude(), record.longitude(), record.mediaUrl());
    }

    private String format(Instant at) {
        return at == null ? null : time.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    private String collection(String base) {
        return generations.liveCollection(Open311Collections.MODEL, base);
    }
}

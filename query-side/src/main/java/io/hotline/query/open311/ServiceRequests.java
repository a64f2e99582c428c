package io.hotline.query.open311;

import io.hotline.query.caseview.CaseLookup;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
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

    /** How long a read waits for a request the log holds and the read model does not show yet. */
    static final Duration CATCH_UP = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(20);

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final CaseLookup cases;
    private final Registrations registrations;
    private final DateTimeFormatter time;

    ServiceRequests(ReactiveMongoTemplate mongo, ReadModelGenerations generations, CaseLookup cases,
                    Registrations registrations, ZoneId zone) {
        this.mongo = mongo;
        this.generations = generations;
        this.cases = cases;
        this.registrations = registrations;
        this.time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    /**
     * One request. Read right after it was filed, the read model may not show it yet: when the log holds its
     * registration, the read waits for the model (as the case API's {@code atLeastVersion} does) instead of
     * answering 404 for a request the app was just told exists. An id the log does not hold is answered at once.
     */
    Mono<ServiceRequest> one(String caseId) {
        return record(caseId)
                .switchIfEmpty(registrations.filedThroughOpen311(caseId)
                        .flatMap(filed -> filed ? caughtUp(caseId) : Mono.empty()))
                .flatMap(this::answer);
    }

    private Mono<RequestRecord> caughtUp(String caseId) {
        int polls = (int) (CATCH_UP.toMillis() / POLL.toMillis());
        return Mono.defer(() -> record(caseId)).repeatWhenEmpty(polls, attempts -> attempts.delayElements(POLL));
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

    /** The updates in the query's window, oldest first, at most {@link RequestQuery#MAX_RESULTS}. */
    Mono<List<RequestUpdate>> updates(RequestQuery query) {
        List<String> days = new java.util.ArrayList<>(query.daysNewestFirst());
        java.util.Collections.reverse(days);
        return Flux.fromIterable(days)
                .concatMap(day -> mongo.findById(day, Document.class, collection(Open311Collections.UPDATE_DAYS))
                        .flatMapIterable(found -> found.getList("updates", String.class, List.of()))
                        .flatMapSequential(id -> mongo.findById(id, Document.class,
                                collection(Open311Collections.UPDATES)), CONCURRENT_READS)
                        .filter(update -> {
                            Instant at = update.getDate("updatedAt").toInstant();
                            return !at.isBefore(query.start()) && !at.isAfter(query.end());
                        })
                        .sort(Comparator.comparing((Document update) -> update.getDate("updatedAt"))
                                .thenComparing(update -> update.getString("_id"))))
                .take(RequestQuery.MAX_RESULTS)
                .map(update -> new RequestUpdate(update.getString("_id"), update.getString("serviceRequestId"),
                        update.getString("status"), format(update.getDate("updatedAt").toInstant()),
                        update.getString("description"), null))
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
                Open311Status.notes(view == null ? null : view.status(), view == null ? null : view.lastReply()),
                ServiceCatalogue.name(record.category()), record.category().name(), record.description(),
                view == null ? CaseView.HOTLINE : view.accountableUnit(), null,
                format(record.requestedAt()), format(updated), format(expected),
                record.address(), record.addressId(), null, record.latitude(), record.longitude(),
                record.allMedia().isEmpty() ? null : record.allMedia().get(0));
    }

    private String format(Instant at) {
        return at == null ? null : time.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    private String collection(String base) {
        return generations.liveCollection(Open311Collections.MODEL, base);
    }
}

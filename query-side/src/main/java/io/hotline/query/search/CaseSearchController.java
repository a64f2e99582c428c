package io.hotline.query.search;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.QueryProperties;
import io.hotline.query.caseview.CaseList;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.fulltext.FullTextProperties;
import io.hotline.query.personal.PhoneHasher;
import io.hotline.query.readmodel.MatchCount;
import io.hotline.query.caseview.CaseReadModel;
import io.hotline.query.readmodel.ReadModelGenerations;
import io.hotline.query.units.ReaderScopes;
import io.hotline.query.web.ReaderScope;
import io.hotline.query.web.Readers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Case search for operators and supervisors: {@code GET /api/v1/cases?status=&unit=&category=&channel=&area=
 * &urgency=&overdue=&from=&to=&q=&phone=&number=&pending=&sort=&page=&size=&cursor=}, newest first (or in the
 * {@code sort} asked: deadline, overdue, category, unit, across every page), with the total count;
 * any other parameter is refused. With free text ({@code q}) the case index answers ({@link CaseTextSearch}): most
 * relevant first, every filter and the unit scope applied inside the engine, highlighted fragments, and a
 * {@code cursor} for the next page. Without it, the working lists (the board's, the filters of the search screen)
 * come off the same index too ({@link CaseLists}: the filters and the sort values inside the engine, the exact
 * count), once it holds what the log held when asked; the lines themselves are read off the case views by id. When
 * the index cannot answer so (far behind, a page deeper than it reaches, an engine without sort values) the case
 * views answer: a scan on the embedded store, the indexes of each read-model generation on a real MongoDB. A unit
 * handler's results are limited to their own unit's cases, show no complainant, and may not be searched by phone
 * (that would tell a unit whether a number it knows belongs to the person complaining about it). The search without
 * any filter, as the screen opens for the hotline's staff, is read off the case list ({@link NewestFirst}).
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseSearchController {

    private static final Logger log = LoggerFactory.getLogger(CaseSearchController.class);
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern AREA = Pattern.compile("\\d{1,6}");
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z-]{1,32}");
    /** The parameters a search takes; any other is refused, as an unknown field in a body is. */
    private static final Set<String> PARAMETERS = new java.util.LinkedHashSet<>(List.of("status", "unit", "category",
            "channel", "area", "urgency", "overdue", "from", "to", "q", "phone", "number", "pending", "page", "size",
            "cursor", "sort"));
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,400}");

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final Readers readers;
    private final ReaderScopes scopes;
    private final PhoneHasher phones;
    private final Clock clock;
    private final QueryProperties properties;
    private final ZoneId zone;
    private final NewestFirst newestFirst;
    private final CaseSearchEngine index;
    private final int maxText;

    CaseSearchController(ReactiveMongoTemplate mongo, ReadModelGenerations generations, Readers readers, ReaderScopes scopes,
                         PhoneHasher phones, Clock clock, QueryProperties properties,
                         ZoneId zone, NewestFirst newestFirst, CaseSearchEngine index, FullTextProperties fullText) {
        this.mongo = mongo;
        this.index = index;
        this.maxText = fullText.maxQueryLength();
        this.newestFirst = newestFirst;
        this.generations = generations;
        this.readers = readers;
        this.scopes = scopes;
        this.phones = phones;
        this.clock = clock;
        this.properties = properties;
        this.zone = zone;
    }

    @GetMapping
    Mono<SearchPage> search(@RequestParam(required = false) String status,
                            @RequestParam(required = false) String unit,
                            @RequestParam(required = false) String category,
                            @RequestParam(required = false) String channel,
                            @RequestParam(required = false) String area,
                            @RequestParam(required = false) String urgency,
                            @RequestParam(required = false) String overdue,
                            @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(required = false) String q,
                            @RequestParam(required = false) String phone,
                            @RequestParam(required = false) String number,
                            @RequestParam(required = false) String pending,
                            @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size,
                            @RequestParam(required = false) String cursor,
                            @RequestParam(required = false) String sort,
                            ServerHttpRequest request, ServerHttpResponse response) {
        for (String name : request.getQueryParams().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw invalid(name.length() > 40 ? name.substring(0, 40) + "…" : name,
                        "unknown parameter; known: " + PARAMETERS);
            }
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? properties.search().defaultPageSize() : size;
        if (pageNumber < 0) {
            throw invalid("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > properties.search().maxPageSize()) {
            throw invalid("size", "must be between 1 and " + properties.search().maxPageSize());
        }
        return readers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .flatMap(scopes::of)
                .flatMap(scope -> {
                    if (phone != null && !phone.isBlank() && !scope.mayKnowComplainant()) {
                        log.warn("Refused a search by phone to user {} of unit {}", scope.reader().userId(),
                                scope.unit());
                        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                                "phone: searching by the complainant's phone is for the hotline's staff"));
                    }
                    CaseFilter filter = new CaseFilter(statuses(status), matching("unit", unit, UNIT),
                            one("category", category, Category.class), one("channel", channel, Channel.class),
                            matching("area", area, AREA), one("urgency", urgency, Urgency.class), yesNo(overdue),
                            moment("from", from), moment("to", to), text(q), phoneHash(phone),
                            matching("number", number, NUMBER), scope.units(),
                            one("pending", pending, CaseFilter.Pending.class));
                    Instant now = clock.instant();
                    String collection = generations.liveCollection(CaseReadModel.MODEL, CaseView.COLLECTION);
                    String after = matching("cursor", cursor, CURSOR);
                    CaseSearch.Order order = sort == null || sort.isBlank() ? CaseSearch.Order.NEWEST
                            : one("sort", sort, CaseSearch.Order.class);
                    if (filter.text() != null && order != CaseSearch.Order.NEWEST) {
                        throw invalid("sort", "free-text results come most relevant first");
                    }
                    if (filter.text() != null) {
                        return Mono.fromCallable(() -> found(filter, now, pageNumber, pageSize, after))
                                .subscribeOn(Schedulers.boundedElastic())
                                .flatMap(found -> page(found, collection, pageNumber, pageSize, now,
                                        scope.mayKnowComplainant()));
                    }
                    if (after != null) {
                        throw invalid("cursor", "pages by cursor only with free text (q)");
                    }
                    Mono<SearchPage> scanned = Mono.defer(() -> {
                        answeredBy(response, "views");
                        return search(filter, order, collection, pageNumber, pageSize, now,
                                scope.mayKnowComplainant());
                    });
                    Mono<SearchPage> listed = Mono.fromCallable(() -> index.list(filter, order, now, pageNumber,
                                    pageSize))
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(found -> found.map(hits -> {
                                answeredBy(response, "index");
                                return page(hits, collection, pageNumber, pageSize, now, scope.mayKnowComplainant());
                            }).orElse(scanned));
                    if (!filter.equals(CaseFilter.ANY) || order != CaseSearch.Order.NEWEST) {
                        return listed;
                    }
                    return newestFirst.page(collection, generations.liveCollection(CaseReadModel.MODEL,
                            CaseList.COLLECTION), pageNumber, pageSize, now, scope.mayKnowComplainant())
                            .switchIfEmpty(listed);
                });
    }

    /**
     * Which store answered a list without free text, as a {@code Server-Timing} metric (the browser's Resource Timing
     * shows it beside the request's time): {@code index} the case index, {@code views} the case views (a scan on the
     * embedded store).
     */
    private static void answeredBy(ServerHttpResponse response, String source) {
        response.getHeaders().set("Server-Timing", source);
    }

    /** The filter as a query: a scan and an in-memory sort on the embedded store, the indexes on MongoDB. */
    private Mono<SearchPage> search(CaseFilter filter, CaseSearch.Order order, String collection, int pageNumber,
                                    int pageSize, Instant now, boolean mayKnowComplainant) {
        Query counting = CaseSearch.query(filter, now);
        Query paging = CaseSearch.summaryFields(CaseSearch.query(filter, now, order))
                .skip((long) pageNumber * pageSize).limit(pageSize);
        return Mono.zip(MatchCount.of(mongo, counting, CaseView.class, collection),
                        mongo.find(paging, CaseView.class, collection)
                                .map(view -> CaseSummary.of(view, now, mayKnowComplainant))
                                .collectList())
                .map(found -> SearchPage.of(found.getT2(), pageNumber, pageSize, found.getT1()));
    }

    private CaseTextSearch.Found found(CaseFilter filter, Instant now, int pageNumber, int pageSize, String cursor) {
        try {
            return index.search(filter, now, pageNumber, pageSize, cursor);
        } catch (CaseTextSearch.BadCursor e) {
            throw invalid("cursor", "not a cursor a search gave; start again without it");
        } catch (CaseTextSearch.TooDeep e) {
            throw invalid("page", "free-text results by page number end at " + CaseTextSearch.DEEPEST_BY_PAGE
                    + " hits; go on with the cursor");
        } catch (CaseSearchEngine.Unavailable e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "q: " + e.getMessage() + "; try again",
                    e);
        }
    }

    /** The index's hits as result lines, read off the case views by id (the views show this reader's citizen). */
    private Mono<SearchPage> page(CaseTextSearch.Found found, String collection, int pageNumber, int pageSize,
                                  Instant now, boolean mayKnowComplainant) {
        List<String> ids = found.hits().stream().map(CaseTextSearch.Hit::caseId).toList();
        Query byId = CaseSearch.summaryFields(Query.query(Criteria.where("_id").in(ids)));
        return mongo.find(byId, CaseView.class, collection).collectMap(CaseView::caseId).map(views -> {
            List<CaseSummary> items = found.hits().stream().filter(hit -> views.containsKey(hit.caseId()))
                    .map(hit -> CaseSummary.of(views.get(hit.caseId()), now, mayKnowComplainant, hit.highlights()))
                    .toList();
            return SearchPage.of(items, pageNumber, pageSize, found.total(), found.exact(), found.cursor());
        });
    }

    private static Set<CaseStatus> statuses(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        for (String one : value.split(",")) {
            statuses.add(one("status", one.strip(), CaseStatus.class));
        }
        return statuses;
    }

    private static <E extends Enum<E>> E one(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String matching(String field, String value, Pattern allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.matcher(value.strip()).matches()) {
            throw invalid(field, "must match " + allowed.pattern());
        }
        return value.strip();
    }

    private static Boolean yesNo(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid("overdue", "must be true or false");
        };
    }

    /**
     * An instant ({@code 2026-11-22T08:00:00Z}) or a day in the city's zone ({@code 2026-11-22}): {@code from} a
     * day means from its start, {@code to} a day means up to its end, so from=to=one day is that day.
     */
    private Instant moment(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (field.equals("to") ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date (2026-11-22) or an instant (2026-11-22T08:00:00Z)");
        }
    }

    private String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxText) {
            throw invalid("q", "must be at most " + maxText + " characters");
        }
        return value.strip();
    }

    private String phoneHash(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String hash = phones.hash(phone);
        if (hash == null) {
            throw invalid("phone", "must contain digits");
        }
        return hash;
    }

    private static ResponseStatusException invalid(String field, String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": " + reason);
    }
}

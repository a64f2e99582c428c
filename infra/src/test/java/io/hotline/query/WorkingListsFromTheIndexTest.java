package io.hotline.query;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.caseview.CaseReadModel;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.readmodel.ReadModelGenerations;
import io.hotline.query.search.CaseFilter;
import io.hotline.query.search.CaseIndex;
import io.hotline.query.search.CaseSearch;
import io.hotline.query.search.CaseTextSearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The working lists come off the case index ({@code CaseLists}) instead of a scan of the case views: for every
 * order and the board's filters, page by page, the index gives the same cases in the same order, and the same
 * total, as the case views' own query; and a case changed a moment ago is listed as it is now.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingListsFromTheIndexTest extends QueryTestSupport {

    private static final int PAGE = 4;

    @Autowired
    private ReactiveMongoTemplate mongo;
    @Autowired
    private ReadModelGenerations generations;
    @Autowired
    private CaseIndex caseIndex;

    private String area;
    private String unitA;
    private String unitB;
    private final List<CaseScript> stories = new ArrayList<>();

    @BeforeAll
    void seed() {
        patientClient();
        String prefix = "8" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        area = prefix;
        unitA = "L" + prefix + "-A";
        unitB = "L" + prefix + "-B";
        Category[] categories = Category.values();
        for (int n = 0; n < 18; n++) {
            // registered an hour apart, some at the same moment (ties broken by the id), deadlines of three lengths
            Instant at = T0.plus(Duration.ofHours(n / 2));
            CaseScript story = story("wl-" + prefix + "-" + (char) ('a' + n)).at(at)
                    .deadlines(Duration.ofHours(1), Duration.ofHours(2 + (n % 3) * 3))
                    .registered("N" + prefix + "-" + n, "路灯 " + n, "内容 " + n, area, categories[n % categories.length],
                            Channel.values()[n % Channel.values().length], n % 5 == 0 ? Urgency.URGENT : Urgency.NORMAL,
                            "1390000" + String.format("%04d", n));
            String lead = n % 2 == 0 ? unitA : unitB;
            switch (n % 6) {
                case 0 -> { } // registered, not dispatched: no lead, no deadline
                case 1 -> story.dispatched(lead);
                case 2 -> story.dispatched(lead).signedFor(lead);
                case 3 -> story.dispatched(lead).objected(lead);
                case 4 -> story.dispatched(lead).signedFor(lead).extensionRequested(lead);
                default -> story.dispatched(lead, n % 4 == 1 ? unitA : unitB).signedFor(lead).replied(lead);
            }
            stories.add(story);
        }
        awaitViewsAndIndex();
    }

    private void awaitViewsAndIndex() {
        for (CaseScript story : stories) {
            http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", story.caseId(), story.version())
                    .exchange().expectStatus().isOk().expectHeader().doesNotExist("X-View-Stale");
        }
        eventually(Duration.ofSeconds(30), () -> caseIndex.feed().lag() == 0);
    }

    private CaseFilter filter(Set<CaseStatus> statuses, String unit, Boolean overdue, CaseFilter.Pending pending,
                              Set<String> scope, Category category) {
        return new CaseFilter(statuses, unit, category, null, area, null, overdue, null, null, null, null, null, scope,
                pending);
    }

    private List<CaseFilter> boardFilters() {
        Set<CaseStatus> working = EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.IN_HANDLING);
        return List.of(
                filter(null, null, null, null, null, null),
                filter(working, null, true, null, null, null),
                filter(working, null, false, null, null, null),
                filter(working, null, null, CaseFilter.Pending.OBJECTION, null, null),
                filter(EnumSet.of(CaseStatus.IN_HANDLING), null, null, CaseFilter.Pending.EXTENSION, null, null),
                filter(EnumSet.of(CaseStatus.REPLIED, CaseStatus.RESOLVED_AT_INTAKE), null, null, null, null, null),
                filter(EnumSet.of(CaseStatus.REGISTERED), null, null, null, null, null),
                filter(null, unitB, null, null, null, null),
                filter(null, null, null, null, Set.of(unitA), null),
                filter(null, null, null, null, null, Category.values()[1]));
    }

    /** Page {@code page} of the case views' own query: what the scan answers. */
    private List<String> viewsPage(CaseFilter filter, CaseSearch.Order order, Instant now, int page) {
        String collection = generations.liveCollection(CaseReadModel.MODEL, CaseView.COLLECTION);
        return mongo.find(CaseSearch.query(filter, now, order).skip((long) page * PAGE).limit(PAGE), CaseView.class,
                collection).map(CaseView::caseId).collectList().block();
    }

    private long viewsTotal(CaseFilter filter, Instant now) {
        String collection = generations.liveCollection(CaseReadModel.MODEL, CaseView.COLLECTION);
        return mongo.count(CaseSearch.query(filter, now), CaseView.class, collection).block();
    }

    private static List<String> ids(CaseTextSearch.Found found) {
        return found.hits().stream().map(CaseTextSearch.Hit::caseId).toList();
    }

    @Test
    void everyOrderAndBoardFilterListsWhatTheViewsList() {
        // some deadlines have passed at this moment, others not
        Instant now = T0.plus(Duration.ofHours(9));
        int compared = 0;
        for (CaseFilter filter : boardFilters()) {
            long total = viewsTotal(filter, now);
            for (CaseSearch.Order order : CaseSearch.Order.values()) {
                for (int page = 0; page * PAGE < Math.max(total, 1); page++) {
                    CaseTextSearch.Found listed = caseIndex.list(filter, order, now, page, PAGE).orElseThrow();
                    assertThat(ids(listed)).as("%s by %s, page %d", filter, order, page)
                            .isEqualTo(viewsPage(filter, order, now, page));
                    assertThat(listed.total()).as("%s total", filter).isEqualTo(total);
                    assertThat(listed.exact()).isTrue();
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(60);
        // the filters do tell the cases apart (a comparison of empty lists would prove nothing)
        assertThat(viewsTotal(boardFilters().get(1), now)).isPositive();
        assertThat(viewsTotal(boardFilters().get(2), now)).isPositive();
        assertThat(viewsTotal(boardFilters().get(3), now)).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCaseChangedAMomentAgoIsListedAsItIsNow() {
        String lead = unitA;
        CaseScript fresh = story("wl-fresh-" + area).at(T0).registered("N" + area + "-F", area);
        awaitViewsAndIndex();
        // no waiting for the index: the list answers once it holds what the log held when asked
        fresh.dispatched(lead);
        http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", fresh.caseId(), fresh.version())
                .exchange().expectStatus().isOk().expectHeader().doesNotExist("X-View-Stale");
        Map<String, Object> registered = http.get()
                .uri("/api/v1/cases?area={a}&status=REGISTERED&sort=deadline&size=50", area).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> dispatched = http.get()
                .uri("/api/v1/cases?area={a}&status=DISPATCHED&unit={u}&sort=deadline&size=50", area, lead)
                .exchange().expectStatus().isOk()
                // which store answered: the index once it holds the dispatch, the case views if it did not in time
                .expectHeader().value("Server-Timing", source -> assertThat(source).isIn("index", "views"))
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(((List<Map<String, Object>>) registered.get("items")).stream().map(item -> item.get("caseId")))
                .doesNotContain(fresh.caseId());
        assertThat(((List<Map<String, Object>>) dispatched.get("items")).stream().map(item -> item.get("caseId")))
                .contains(fresh.caseId());
        assertThat(((Number) dispatched.get("total")).longValue())
                .isEqualTo(((List<?>) dispatched.get("items")).size());
    }
}

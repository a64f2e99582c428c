package io.hotline.query;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.CaseReadModel;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Search over HTTP: every filter, paging with the total, literal free text, unit scoping. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSearchApiTest extends QueryTestSupport {

    /** A district code of this test's own, so other tests' cases never show up. */
    private String area;
    private String prefix;
    @Autowired
    private ReactiveMongoTemplate mongo;
    @Autowired
    private ReadModelGenerations generations;
    @Autowired
    private io.hotline.query.search.CaseIndex caseIndex;

    @BeforeAll
    void seed() {
        patientClient();
        prefix = "9" + ThreadLocalRandom.current().nextInt(1_000, 9_999);
        area = prefix + "1";
        String unit = "S" + prefix;
        CaseScript a = story("s-a-" + prefix).registered("N" + prefix + "-A", "井盖丢失", "路口井盖 (a.*) 丢了", area,
                Category.COMPLAINT, Channel.HOTLINE, Urgency.NORMAL, "13911112222").dispatched(unit + "-W")
                .signedFor(unit + "-W");
        CaseScript b = story("s-b-" + prefix).at(T0.plus(Duration.ofHours(2))).registered("N" + prefix + "-B", "噪音扰民", "夜间施工噪音", area,
                Category.REPORT, Channel.WEB, Urgency.URGENT, "13933334444")
                .deadlines(Duration.ofHours(1), Duration.ofHours(2)).dispatched(unit + "-G");
        CaseScript c = story("s-c-" + prefix).at(T0.plus(Duration.ofHours(4))).registered("N" + prefix + "-C", "咨询公积金", "公积金怎么提取", area,
                Category.CONSULTATION, Channel.APP, Urgency.NORMAL, "13911112222").linked("s-d-" + prefix,
                "N" + prefix + "-D");
        CaseScript d = story("s-d-" + prefix).at(T0.plus(Duration.ofHours(5))).registered("N" + prefix + "-D", "咨询公积金", "重复来电", area,
                Category.CONSULTATION, Channel.HOTLINE, Urgency.NORMAL, "13911112222").merged("s-c-" + prefix,
                "N" + prefix + "-C");
        for (CaseScript story : List.of(a, b, c, d)) {
            http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", story.caseId(), story.version())
                    .exchange().expectStatus().isOk().expectHeader().doesNotExist("X-View-Stale");
        }
        // free text is answered by this node's case index, fed by its own processor
        eventually(Duration.ofSeconds(30), () -> caseIndex.feed().lag() == 0);
        caseIndex.feed().index().refreshNow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> search(String query) {
        return http.get().uri("/api/v1/cases?area=" + area + "&" + query).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<String> numbers(String query) {
        return ((List<Map<String, Object>>) search(query).get("items")).stream()
                .map(item -> ((String) item.get("caseNumber")).substring(prefix.length() + 2))
                .sorted().toList();
    }

    @Test
    void eachFilterNarrowsTheResults() {
        assertThat(numbers("")).containsExactly("A", "B", "C", "D");
        assertThat(numbers("status=DISPATCHED,IN_HANDLING")).containsExactly("A", "B");
        assertThat(numbers("status=merged")).containsExactly("D");
        assertThat(numbers("unit=S" + prefix + "-G")).containsExactly("B");
        assertThat(numbers("category=CONSULTATION")).containsExactly("C", "D");
        assertThat(numbers("channel=WEB")).containsExactly("B");
        assertThat(numbers("urgency=URGENT")).containsExactly("B");
        assertThat(numbers("q=公积金")).containsExactly("C", "D");
        assertThat(numbers("q=A.*")).containsExactly("A");
        assertThat(numbers("q=井.*丢")).containsExactly("A"); // the words around the dots, not a pattern
        assertThat(numbers("q=井.*噪")).isEmpty();
        assertThat(numbers("phone=+86 139-1111-2222")).containsExactly("A", "C", "D");
        assertThat(numbers("number=N" + prefix + "-D")).containsExactly("C", "D");
        assertThat(numbers("from=2026-11-20T04:00:00Z")).containsExactly("C", "D");
        assertThat(numbers("from=2026-11-20T01:00:00Z&to=2026-11-20T03:00:01Z")).containsExactly("A", "B");
        assertThat(numbers("to=2026-11-19")).isEmpty();
        assertThat(numbers("from=2026-11-20&to=2026-11-20")).containsExactly("A", "B", "C", "D");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pendingFindsWhatAwaitsTheHotlinesDecision() {
        // a district of its own: the coordination board asks exactly this (pending objections, pending extensions)
        String board = prefix + "2";
        String unit = "S" + prefix;
        CaseScript disputed = story("s-e-" + prefix).registered("N" + prefix + "-E", board).dispatched(unit + "-W")
                .objected(unit + "-W");
        CaseScript extending = story("s-f-" + prefix).registered("N" + prefix + "-F", board).dispatched(unit + "-G")
                .signedFor(unit + "-G").extensionRequested(unit + "-G");
        CaseScript quiet = story("s-g-" + prefix).registered("N" + prefix + "-G", board).dispatched(unit + "-G");
        for (CaseScript story : List.of(disputed, extending, quiet)) {
            http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", story.caseId(), story.version())
                    .exchange().expectStatus().isOk().expectHeader().doesNotExist("X-View-Stale");
        }
        java.util.function.Function<String, List<String>> pending = which -> ((List<Map<String, Object>>) http.get()
                .uri("/api/v1/cases?area=" + board + "&pending=" + which).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items")).stream()
                .map(item -> (String) item.get("caseId")).toList();

        assertThat(pending.apply("OBJECTION")).containsExactly(disputed.caseId());
        assertThat(pending.apply("extension")).containsExactly(extending.caseId());
    }

    @Test
    void overdueIsDecidedAgainstTheClock() {
        // B was dispatched at T0+3h, due to be signed for two hours later
        clock.set(T0.plus(Duration.ofHours(6)));
        assertThat(numbers("overdue=true")).containsExactly("B");
        assertThat(numbers("overdue=false")).containsExactly("A", "C", "D");
        clock.set(T0);
        assertThat(numbers("overdue=true")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void resultsArePagedWithTheTotal() {
        Map<String, Object> first = search("size=3&page=0");
        Map<String, Object> second = search("size=3&page=1");

        assertThat(first).containsEntry("total", 4).containsEntry("totalPages", 2).containsEntry("size", 3);
        assertThat((List<?>) first.get("items")).hasSize(3);
        assertThat((List<?>) second.get("items")).hasSize(1);
        assertThat(((List<Map<String, Object>>) first.get("items")).get(0)).containsKeys("caseId", "status",
                "warning", "registeredAt");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutAFilterEveryCaseIsListedOnceNewestFirst() {
        CaseScript older = story("s-h-" + prefix).registered("N" + prefix + "-H", prefix + "3");
        CaseScript newer = story("s-i-" + prefix).registered("N" + prefix + "-I", prefix + "3").dispatched("S" + prefix);
        for (CaseScript story : List.of(older, newer)) {
            http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", story.caseId(), story.version())
                    .exchange().expectStatus().isOk();
        }
        IntFunction<Map<String, Object>> page = number -> http.get()
                .uri("/api/v1/cases?size=50&page=" + number).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        Map<String, Object> first = page.apply(0);
        List<Map<String, Object>> newest = (List<Map<String, Object>>) first.get("items");
        assertThat(newest.subList(0, 2)).extracting(item -> item.get("caseId"))
                .containsExactly(newer.caseId(), older.caseId());
        assertThat(newest.get(0)).containsKeys("caseNumber", "status", "warning", "registeredAt", "citizen")
                .doesNotContainKey("listPosition");
        long views = mongo.estimatedCount(generations.liveCollection(CaseReadModel.MODEL, CaseView.COLLECTION)).block();
        assertThat(((Number) first.get("total")).longValue()).isEqualTo(views);
        Set<Object> listed = new LinkedHashSet<>();
        for (int number = 0; number < (int) first.get("totalPages"); number++) {
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.apply(number).get("items");
            items.forEach(item -> assertThat(listed.add(item.get("caseId"))).as("listed once").isTrue());
        }
        assertThat(listed).hasSize((int) views).contains(caseIdOf("A"), caseIdOf("D"));
    }

    private String caseIdOf(String letter) {
        return "s-" + letter.toLowerCase() + "-" + prefix;
    }

    @Test
    void aUnitHandlerFindsOnlyTheirUnitsCases() {
        readers.actAs(CaseScript.handler("S" + prefix + "-W"));
        assertThat(numbers("")).containsExactly("A");
        assertThat(numbers("unit=S" + prefix + "-G")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHotlineSeesTheComplainantMaskedAndAUnitHandlerNotAtAll() {
        Map<String, Object> seenByOperator = ((List<Map<String, Object>>) search("").get("items")).get(0);
        assertThat((Map<String, Object>) seenByOperator.get("citizen")).containsEntry("name", "张*")
                .containsKey("maskedPhone").doesNotContainKey("phoneHash");

        readers.actAs(CaseScript.handler("S" + prefix + "-W"));
        Map<String, Object> page = search("");
        Map<String, Object> seenByUnit = ((List<Map<String, Object>>) page.get("items")).get(0);
        assertThat((Map<String, Object>) seenByUnit.get("citizen")).containsEntry("name", "[保密]")
                .doesNotContainKeys("maskedPhone", "maskedIdNumber", "phoneHash");
        assertThat(page.toString()).doesNotContain("张").doesNotContain("139****");
    }

    @Test
    void aUnitHandlerCannotSearchByPhone() {
        readers.actAs(CaseScript.handler("S" + prefix + "-W"));
        http.get().uri("/api/v1/cases?phone=13911112222").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("phone:"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSortOrdersEveryPageNotOnlyTheOneShown() {
        // one case a page: newest first B (registered at T0+2h) is first; by category A (投诉) comes before B (举报)
        java.util.function.Function<String, String> only = query -> ((List<Map<String, Object>>) search(
                "status=DISPATCHED,IN_HANDLING&size=1&" + query).get("items")).stream()
                .map(item -> ((String) item.get("caseNumber")).substring(prefix.length() + 2)).findFirst().orElseThrow();

        assertThat(List.of(only.apply("page=0"), only.apply("page=1"))).containsExactly("B", "A");
        assertThat(List.of(only.apply("sort=category&page=0"), only.apply("sort=category&page=1")))
                .containsExactly("A", "B");
        // by deadline: B, due to be signed for within hours, before A, signed for and due to be done in days
        assertThat(List.of(only.apply("sort=deadline&page=0"), only.apply("sort=deadline&page=1")))
                .containsExactly("B", "A");
        // by lead unit: A's is ...-W, B's ...-G; in the same order on the last page as on the first
        assertThat(List.of(only.apply("sort=unit&page=0"), only.apply("sort=unit&page=1"))).containsExactly("B", "A");
        assertThat(search("status=DISPATCHED,IN_HANDLING&size=1&sort=category")).containsEntry("total", 2);
        // all four of this test's cases by category, on one page
        assertThat(((List<Map<String, Object>>) search("sort=category&size=4").get("items")).stream()
                .map(item -> (String) item.get("category")).toList())
                .containsExactly("COMPLAINT", "CONSULTATION", "CONSULTATION", "REPORT");
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        for (String bad : List.of("status=LOST", "size=0", "size=1000", "page=-1", "overdue=maybe", "from=yesterday",
                "area=37x", "category=GOSSIP", "sort=loudest", "sort=deadline&q=公积金")) {
            http.get().uri("/api/v1/cases?" + bad).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail ->
                            assertThat((String) detail).startsWith(bad.substring(0, bad.indexOf('=')) + ":"));
        }
    }
}

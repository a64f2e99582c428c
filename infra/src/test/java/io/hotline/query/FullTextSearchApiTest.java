package io.hotline.query;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.search.CaseIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free-text search and the duplicate panel over HTTP, answered by this node's case index: relevance,
 * highlights, cursors, unit scope, hostile text, and the 并单 suggestion of the right earlier case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullTextSearchApiTest extends QueryTestSupport {

    private String area;
    private String unit;
    private CaseScript lamp;
    @Autowired
    private CaseIndex index;

    @BeforeAll
    void seed() {
        patientClient();
        String prefix = "8" + ThreadLocalRandom.current().nextInt(1_000, 9_999);
        area = prefix + "1";
        unit = "F" + prefix;
        lamp = story("f-lamp-" + prefix).registered("N" + prefix + "-L", "幸福小区东门路灯不亮",
                "东门路灯坏了一周，晚上出行不便 <b>急</b>", area, Category.COMPLAINT, Channel.HOTLINE, Urgency.NORMAL,
                "13922223333").dispatched(unit + "-W");
        story("f-noise-" + prefix).registered("N" + prefix + "-N", "夜间施工噪音扰民", "工地晚上十一点还在施工",
                area, Category.COMPLAINT, Channel.WEB, Urgency.NORMAL, "13944445555").dispatched(unit + "-G");
        for (int i = 0; i < 12; i++) {
            story("f-many-" + i + "-" + prefix).registered("N" + prefix + "-M" + i, "公积金提取咨询",
                    "咨询公积金提取第" + i + "次", area, Category.CONSULTATION, Channel.APP, Urgency.NORMAL,
                    "1390000" + String.format("%04d", i));
        }
        caughtUp();
    }

    /** Waits until this node's index holds the whole log and searches see it. */
    private void caughtUp() {
        eventually(Duration.ofSeconds(30), () -> index.feed().lag() == 0);
        index.feed().index().refreshNow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> search(String query) {
        return http.get().uri("/api/v1/cases?area=" + area + "&" + query).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @Test
    @SuppressWarnings("unchecked")
    void freeTextFindsByWordsAndMarksThemEscaped() {
        Map<String, Object> page = search("q=路灯");

        assertThat(items(page)).extracting(item -> item.get("caseId")).containsExactly(lamp.caseId());
        Map<String, Object> highlights = (Map<String, Object>) items(page).get(0).get("highlights");
        assertThat((String) highlights.get("title")).contains("<mark>路灯</mark>");
        assertThat((String) highlights.get("content")).contains("&lt;b&gt;").doesNotContain("<b>");
        assertThat(items(page).get(0)).containsKeys("status", "registeredAt", "citizen");
        assertThat(page).containsEntry("total", 1);
    }

    @Test
    void theCursorLeadsThroughEveryPage() {
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = search("q=公积金&size=5" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page).containsEntry("total", 12);
            items(page).forEach(item -> seen.add(item.get("caseId")));
            cursor = (String) page.get("cursor");
        } while (cursor != null);

        assertThat(seen).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void aUnitHandlerFindsOnlyTheirUnitsCases() {
        readers.actAs(Actor.of("h-" + unit, unit + "-G", Role.UNIT_HANDLER));

        assertThat(items(search("q=晚上"))).extracting(item -> item.get("caseId")).hasSize(1)
                .allMatch(id -> ((String) id).startsWith("f-noise-"));
    }

    @Test
    void engineSyntaxIsPlainTextAndBadInputAProblem() {
        for (String hostile : new String[]{"AND", "*", "%22", "%5C", ":", "路灯%20AND%20*", "title:路灯~2"}) {
            http.get().uri("/api/v1/cases?q=" + hostile).exchange().expectStatus().isOk();
        }
        http.get().uri("/api/v1/cases?q=" + "路".repeat(101)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("q:"));
        http.get().uri("/api/v1/cases?q=路灯&cursor=not*a*cursor").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("cursor:"));
        http.get().uri("/api/v1/cases?q=路灯&cursor=bm90YWN1cnNvcg").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/cases?cursor=abc").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/cases?q=路灯&page=2147483647&size=100").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("page:"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDuplicatePanelProposesTheEarlierCase() {
        clock.set(T0.plus(Duration.ofDays(1)));
        List<Map<String, Object>> proposed = (List<Map<String, Object>>) http.get()
                .uri("/api/v1/cases/duplicates?title={t}&content={c}&area={a}", "东门路灯坏了", "东门路灯坏了一周，晚上出行不便", area)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");

        assertThat(proposed).isNotEmpty();
        assertThat(proposed.get(0)).containsEntry("caseId", lamp.caseId()).containsEntry("area", area)
                .containsEntry("status", "DISPATCHED").containsKey("registeredAt")
                .containsEntry("reasons", List.of("SIMILAR"));
        List<Map<String, Object>> byPhone = (List<Map<String, Object>>) http.get()
                .uri("/api/v1/cases/duplicates?phone={p}", "139 2222 3333")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(byPhone).extracting(item -> item.get("caseId")).containsExactly(lamp.caseId());
        http.get().uri("/api/v1/cases/duplicates?title={t}", "路".repeat(201)).exchange().expectStatus()
                .isBadRequest();
        http.get().uri("/api/v1/cases/duplicates?nope=1").exchange().expectStatus().isBadRequest();
    }
}

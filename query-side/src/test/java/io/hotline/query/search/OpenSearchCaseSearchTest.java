package io.hotline.query.search;

import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.ProgressRecorded;
import io.hotline.kernel.common.Category;
import io.hotline.query.fulltext.IndexFeed;
import io.hotline.query.fulltext.OpenSearchIndex;
import io.hotline.query.fulltext.OpenSearchProperties;
import io.hotline.query.projection.CaseStory;
import io.hotline.query.search.DuplicateSuggestions.Reason;
import io.hotline.query.search.DuplicateSuggestions.Suggestion;
import io.hotline.query.search.DuplicateSuggestions.Typed;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The search port answered by a real OpenSearch 2.19 node ({@link OpenSearchNode}, started in this JVM; the class
 * is skipped where it cannot start): the same answers as the Lucene index ({@link CaseIndexSearchTest},
 * {@link DuplicateSuggestionsTest}) for Chinese words, filters and unit scope inside the engine, cursors,
 * highlights, hostile text, the 并单 suggestions, and the same idempotent projection with no personal data.
 */
class OpenSearchCaseSearchTest {

    static final Instant NOW = CaseIndexSearchTest.NOW;
    static final Duration WINDOW = Duration.ofDays(30);
    private String url;

    private OpenSearchCases cases;

    /** Each test is reported skipped, with the reason, where no node could start. */
    @BeforeEach
    void index() {
        url = OpenSearchNode.url();
        assumeTrue(url != null, () -> "no OpenSearch node could start in this JVM: " + OpenSearchNode.failure());
        cases = new OpenSearchCases(url);
    }

    @AfterEach
    void close() {
        if (cases != null) {
            cases.close();
        }
    }

    private static CaseFilter text(String text) {
        return new CaseFilter(null, null, null, null, null, null, null, null, null, text, null, null, null, null);
    }

    private CaseTextSearch.Found search(CaseFilter filter) {
        return cases.engine.search(filter, NOW, 0, 20, null);
    }

    private List<String> found(CaseFilter filter) {
        return search(filter).hits().stream().map(CaseTextSearch.Hit::caseId).sorted().toList();
    }

    private List<String> found(String text) {
        return found(text(text));
    }

    @Test
    void chinesePhrasesAreFoundByTheWordsInsideThem() {
        cases.tell(CaseStory.of("park").registered("N1", "小区停车场收费过高", "物业擅自提高停车费", "370602"),
                CaseStory.of("leak").registered("N2", "楼上卫生间漏水", "楼上住户卫生间漏水到我家天花板", "370602"),
                CaseStory.of("noise").registered("N3", "夜间施工噪音扰民", "工地晚上十一点还在施工", "370602"));

        assertThat(found("停车")).containsExactly("park");
        assertThat(found("停车场")).containsExactly("park");
        assertThat(found("楼上漏水")).containsExactly("leak");
        assertThat(found("施工噪音")).containsExactly("noise");
        assertThat(found("噪音 停车")).isEmpty();
        assertThat(found("漏水 的")).containsExactly("leak");
        assertThat(found("井")).isEmpty();
        assertThat(found("楼")).containsExactly("leak"); // a lone character: any bigram it begins
    }

    @Test
    void theTitleWeighsMoreThanTheContentAndNotesAreSearched() {
        cases.tell(CaseStory.of("in-content").registered("N1", "小区环境问题", "门口路灯坏了", "370602"),
                CaseStory.of("in-title").registered("N2", "路灯不亮", "晚上很黑", "370602"),
                CaseStory.of("c1").registered("N3").dispatched("WATER").signedFor("WATER").progress("WATER")
                        .replied("WATER", true));

        List<String> ranked = search(text("路灯")).hits().stream().map(CaseTextSearch.Hit::caseId).toList();
        assertThat(ranked).contains("in-title", "in-content");
        assertThat(ranked.indexOf("in-title")).isLessThan(ranked.indexOf("in-content"));
        assertThat(found("现场查看")).containsExactly("c1");
        assertThat(found("已修复")).containsExactly("c1");
    }

    @Test
    void filtersAndTheUnitScopeApplyInsideTheEngine() {
        cases.tell(CaseStory.of("water").registered("N1", "路灯不亮", "小区路灯", "370602").dispatched("WATER"),
                CaseStory.of("street").registered("N2", "路灯不亮", "街道路灯", "370603").dispatched("STREET")
                        .signedFor("STREET"),
                CaseStory.of("new").registered("N3", "路灯不亮", "门口路灯", "370611"));

        assertThat(found(new CaseFilter(EnumSet.of(CaseStatus.IN_HANDLING), null, null, null, null, null, null,
                null, null, "路灯", null, null, null, null))).containsExactly("street");
        assertThat(found(new CaseFilter(null, "WATER", null, null, null, null, null, null, null, "路灯", null, null,
                null, null))).containsExactly("water");
        assertThat(found(new CaseFilter(null, null, null, null, "3706", null, null, null, null, "路灯", null, null,
                null, null))).containsExactly("new", "street", "water");
        assertThat(found(new CaseFilter(null, null, null, null, "370602", null, null, null, null, "路灯", null, null,
                null, null))).containsExactly("water");
        assertThat(found(new CaseFilter(null, null, Category.CONSULTATION, null, null, null, null, null, null, "路灯",
                null, null, null, null))).isEmpty();
        assertThat(found(new CaseFilter(null, null, null, null, null, null, null, null, null, "路灯", null, "N2",
                null, null))).containsExactly("street");
        CaseFilter scoped = new CaseFilter(null, null, null, null, null, null, null, null, null, "路灯", null, null,
                java.util.Set.of("WATER"), null);
        assertThat(found(scoped)).containsExactly("water");
        assertThat(search(scoped).total()).isEqualTo(1);
        CaseFilter subtree = new CaseFilter(null, null, null, null, null, null, null, null, null, "路灯", null, null,
                java.util.Set.of("WATER", "NO-SUCH-UNIT"), null);
        assertThat(found(subtree)).containsExactly("water");
        assertThat(found(new CaseFilter(null, null, null, null, null, null, true, null, null, "路灯", null, null,
                null, null))).containsExactly("water");
        assertThat(found(new CaseFilter(null, null, null, null, null, null, false, null, null, "路灯", null, null,
                null, null))).containsExactly("new", "street");
        assertThat(found(new CaseFilter(null, null, null, null, null, null, null, CaseStory.START,
                CaseStory.START.plusSeconds(1), "路灯", null, null, null, null))).isNotEmpty();
        assertThat(found(new CaseFilter(null, null, null, null, null, null, null, NOW, null, "路灯", null, null,
                null, null))).isEmpty();
    }

    @Test
    void aCursorPagesThroughEveryHitOnceHoweverDeep() {
        List<CaseStory> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(CaseStory.of(String.format("c%02d", i), CaseStory.START.plusSeconds(i * 60L))
                    .registered("N" + i, "路灯不亮" + "灯".repeat(i % 3), "小区路灯", "370602"));
        }
        cases.tell(many.toArray(CaseStory[]::new));

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            CaseTextSearch.Found page = cases.engine.search(text("路灯"), NOW, 0, 10, cursor);
            assertThat(page.total()).isEqualTo(25);
            page.hits().forEach(hit -> assertThat(seen.add(hit.caseId())).as(hit.caseId()).isTrue());
            cursor = page.cursor();
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(25);
        assertThat(pages).isEqualTo(3);
        assertThat(cases.engine.search(text("路灯"), NOW, 2, 10, null).hits()).hasSize(5);
        assertThatThrownBy(() -> cases.engine.search(text("路灯"), NOW, 0, 10, "bm90IGEgY3Vyc29y"))
                .isInstanceOf(CaseTextSearch.BadCursor.class);
        assertThatThrownBy(() -> cases.engine.search(text("路灯"), NOW, Integer.MAX_VALUE, 100, null))
                .isInstanceOf(CaseTextSearch.TooDeep.class);
    }

    @Test
    void highlightsMarkTheMatchesAndEscapeEverythingElse() {
        cases.tell(CaseStory.of("c1").registered("N1", "路灯<b>不亮</b>", "<script>alert(1)</script>门口路灯坏了",
                "370602"));

        CaseTextSearch.Hit hit = search(text("路灯")).hits().get(0);

        assertThat(hit.highlights().get("title")).isEqualTo("<mark>路灯</mark>&lt;b&gt;不亮&lt;&#x2F;b&gt;");
        assertThat(hit.highlights().get("content")).contains("&lt;script&gt;").contains("<mark>路灯</mark>")
                .doesNotContain("<script>");
        assertThat(hit.highlights()).doesNotContainKey("notes");
    }

    @Test
    void querySyntaxIsPlainText() {
        cases.tell(CaseStory.of("and").registered("N1", "WiFi AND 宽带", "网络 title:断了", "370602"),
                CaseStory.of("other").registered("N2", "路灯不亮", "小区路灯", "370602"));

        assertThat(found("AND")).containsExactly("and");
        assertThat(found("title:断了")).containsExactly("and");
        for (String hostile : new String[]{"*", "\"", "\\", ":", "路灯 OR *", "\"路灯", "路灯\\", "*:*",
                "+-&&||!(){}[]^~?/"}) {
            assertThat(found(hostile)).as(hostile).doesNotContain("and");
        }
        assertThat(found("路灯 OR *")).isEmpty();
    }

    @Test
    void personalDataIsNeverIndexedAndAnErasedCallerIsNoLongerFound() throws Exception {
        cases.tell(CaseStory.of("c1").registered("N1", "路灯不亮", "请回电13912345678，身份证110101199003071234",
                "370602"));

        assertThat(found("路灯")).containsExactly("c1");
        assertThat(found("13912345678")).isEmpty();
        assertThat(found("110101199003071234")).isEmpty();
        StringBuilder everything = new StringBuilder();
        for (var hit : cases.index.client().search(s -> s.index(cases.index.name()), Map.class).hits().hits()) {
            everything.append(hit.source());
            everything.append(new String(Base64.getDecoder().decode((String) hit.source().get(CaseDocuments.VIEW)),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(everything.toString()).contains("路灯").doesNotContain("张").doesNotContain("13800138000")
                .doesNotContain("138****").doesNotContain("13912345678").doesNotContain("110101199003071234");
        assertThat(callersCases(CaseStory.PHONE)).containsExactly("c1");

        cases.tell(CaseStory.of("c2").registered("N2").erased());
        assertThat(callersCases(CaseStory.PHONE)).containsExactly("c1");
    }

    private List<String> callersCases(String phone) {
        return found(new CaseFilter(null, null, null, null, null, null, null, null, null, "路灯",
                IndexedCases.PHONES.hash(phone), null, null, null));
    }

    @Test
    void anEventDeliveredAgainOrAnOlderViewChangesNothing() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER").signedFor("WATER")
                .progress("WATER").replied("WATER", true);
        List<EventMessage<?>> log = story.steps().stream().<EventMessage<?>>map(step -> IndexedCases.message("c1",
                step.sequence(), step.event())).toList();
        cases.batch(log);
        var once = new OpenSearchCaseStore(cases.index, cases.documents).read(List.of("c1")).get("c1");

        cases.batch(log); // the whole batch again, as after a crash before the token was stored
        cases.tell("c1", 3, new ProgressRecorded("c1", "WATER", "已现场查看", CaseStory.handler("WATER"), NOW));
        // another node, behind this one, writes the view as it was two events ago: refused, the newer one stands
        OpenSearchCases behind = new OpenSearchCases(url, cases.index.name());
        behind.batch(log.subList(0, 3));

        var now = new OpenSearchCaseStore(cases.index, cases.documents).read(List.of("c1")).get("c1");
        assertThat(cases.index.size()).isEqualTo(1);
        assertThat(now.view().version()).isEqualTo(once.view().version());
        assertThat(now.notes()).isEqualTo(once.notes()).hasSize(2);
        assertThat(found("现场查看")).containsExactly("c1");
    }

    private void registered(String id, String title, String content, String area, String phone, Instant at) {
        cases.tell(id, 0, IndexedCases.registered(id, title, content, area, phone, at));
    }

    private List<Suggestion> suggest(String title, String content, String area, String phone, String unit) {
        String hash = phone == null ? null : IndexedCases.PHONES.hash(phone);
        return cases.engine.suggest(new Typed(title, content, area, hash,
                unit == null ? null : java.util.Set.of(unit)), NOW, WINDOW, 5);
    }

    private static List<String> ids(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::caseId).toList();
    }

    @Test
    void duplicatesTheSameMatterAndTheSameCallerFirst() {
        Instant day = NOW.minus(Duration.ofDays(1));
        registered("lamp", "小区门口路灯不亮", "幸福小区东门路灯已经坏了一周，晚上出行不便", "370602", "13900000001", day);
        registered("noise", "夜间施工噪音扰民", "工地晚上十一点还在施工", "370602", "13900000002", day);
        registered("water", "停水没有通知", "小区突然停水，没有提前通知", "370602", "13900000003", day);

        List<Suggestion> found = suggest("路灯坏了", "东门的路灯晚上不亮", "370602", "13900000009", null);
        assertThat(ids(found)).first().isEqualTo("lamp");
        assertThat(found.get(0).reasons()).containsExactly(Reason.SIMILAR);
        assertThat(found.get(0).registeredAt()).isEqualTo(day);
        assertThat(ids(found)).doesNotContain("noise");

        List<Suggestion> mine = suggest(null, null, null, "139-0000-0002", null);
        assertThat(ids(mine)).containsExactly("noise");
        assertThat(mine.get(0).reasons()).containsExactly(Reason.SAME_CALLER);
        List<Suggestion> both = suggest("施工噪音", null, null, "13900000002", null);
        assertThat(both.get(0).reasons()).containsExactly(Reason.SAME_CALLER, Reason.SIMILAR);
    }

    @Test
    void duplicatesRankOpenAndNearCasesFirstWithinTheWindowAndTheUnit() {
        Instant day = NOW.minus(Duration.ofDays(2));
        registered("far", "路灯不亮", "门口路灯坏了", "370799", "13900000001", day);
        registered("near", "路灯不亮", "门口路灯坏了", "370602", "13900000002", day);
        registered("closed", "路灯不亮", "门口路灯坏了", "370602", "13900000003", day);
        cases.tell("closed", 1, new CaseClosed("closed", CaseStory.OPERATOR, day.plusSeconds(60)));
        registered("old", "路灯不亮", "门口路灯坏了", "370602", "13900000004", NOW.minus(Duration.ofDays(40)));
        cases.tell(CaseStory.of("merged", NOW.minus(Duration.ofDays(1))).registered("N9", "路灯不亮", "门口路灯坏了",
                "370602").merged("x", "N1"));
        cases.tell(CaseStory.of("water", NOW.minus(Duration.ofDays(1))).registered("N8", "路灯不亮", "门口路灯坏了",
                "370602").dispatched("WATER"));

        assertThat(ids(suggest("路灯不亮", null, "370602", null, null))).containsExactly("water", "near", "far",
                "closed");
        assertThat(ids(suggest("路灯不亮", null, null, null, "WATER"))).containsExactly("water");
        assertThat(suggest(null, null, null, "13900000004", null)).isEmpty();
    }

    @Test
    void theFeedFillsTheIndexFromTheLogAndCommitsItsPositionWithTheIndex() {
        for (int i = 0; i < 3; i++) {
            cases.log.publish(IndexedCases.message("f" + i, 0, IndexedCases.registered("f" + i, "路灯不亮",
                    "门口路灯坏了", "370602", "1390000000" + i, NOW)));
        }
        var feed = cases.engine.feed();
        feed.start();
        caughtUp(feed);
        assertThat(found("路灯")).containsExactly("f0", "f1", "f2");

        feed.rebuild(); // emptied, and read from the start of the log again
        caughtUp(feed);
        assertThat(found("路灯")).containsExactly("f0", "f1", "f2");
        feed.stop(); // commits: the position is kept with the index, in its _meta

        OpenSearchIndex again = OpenSearchIndex.open(new OpenSearchProperties(url, "", "", "").client(),
                cases.index.name(), OpenSearchCaseIndex.DEFINITION, CaseDocuments.LAYOUT);
        assertThat(again.committedPosition()).hasValue(2);
        assertThat(again.committedLog()).isPresent();
        assertThat(again.size()).isEqualTo(3);
        again.close();
        // a version that indexes otherwise finds the index cleared, to be filled from the log again
        OpenSearchIndex otherLayout = OpenSearchIndex.open(new OpenSearchProperties(url, "", "", "").client(),
                cases.index.name(), OpenSearchCaseIndex.DEFINITION, "cases-0");
        otherLayout.refreshNow();
        assertThat(otherLayout.committedPosition()).isEmpty();
        assertThat(otherLayout.size()).isZero();
        otherLayout.close();
    }

    @Test
    void answersAsTheLuceneIndexDoes() {
        CaseStory[] stories = {
                CaseStory.of("p1", NOW.minus(Duration.ofDays(1))).registered("N1", "小区停车场收费过高",
                        "物业擅自提高停车费，每月停车费涨到三百元", "370602").dispatched("HOUSING"),
                CaseStory.of("p2", NOW.minus(Duration.ofDays(2))).registered("N2", "楼上卫生间漏水",
                        "楼上住户卫生间漏水到我家天花板，物业不管", "370602"),
                CaseStory.of("p3", NOW.minus(Duration.ofDays(3))).registered("N3", "夜间施工噪音扰民",
                        "工地晚上十一点还在施工，噪音很大", "370603").dispatched("CITY"),
                CaseStory.of("p4", NOW.minus(Duration.ofDays(4))).registered("N4", "路灯不亮",
                        "小区门口路灯坏了三天，晚上很黑", "370602"),
                CaseStory.of("p5", NOW.minus(Duration.ofDays(5))).registered("N5", "门口路灯和井盖都坏了",
                        "井盖松动，路灯不亮，夜里出行危险", "370611").dispatched("CITY"),
                CaseStory.of("p6", NOW.minus(Duration.ofDays(6))).registered("N6", "物业费收费不透明",
                        "物业费每年上涨，没有公示明细", "370602"),
                CaseStory.of("p7", NOW.minus(Duration.ofDays(7))).registered("N7", "停水没有通知",
                        "小区突然停水，没有提前通知，物业也不解释", "370603")};
        cases.tell(stories);
        try (IndexedCases lucene = new IndexedCases()) {
            lucene.tell(stories);
            for (String query : List.of("路灯", "停车", "停车费", "楼上漏水", "施工噪音", "噪音 扰民", "物业", "物业费",
                    "井", "灯", "没有 通知", "路灯 井盖", "收费")) {
                CaseTextSearch.Found there = CaseTextSearch.search(lucene.index, text(query), NOW, 0, 20, null);
                CaseTextSearch.Found here = search(text(query));
                assertThat(there.total()).as(query).isPositive();
                assertThat(here.hits()).as(query).extracting(CaseTextSearch.Hit::caseId)
                        .containsExactlyElementsOf(there.hits().stream().map(CaseTextSearch.Hit::caseId).toList());
                assertThat(here.total()).as(query).isEqualTo(there.total());
                assertThat(here.hits()).as(query).extracting(CaseTextSearch.Hit::highlights)
                        .containsExactlyElementsOf(there.hits().stream().map(CaseTextSearch.Hit::highlights).toList());
            }
            for (String title : List.of("路灯坏了", "物业乱收费", "晚上施工太吵")) {
                Typed typed = new Typed(title, null, "370602", null, null);
                assertThat(DuplicateSuggestions.suggest(lucene.index, lucene.documents, typed, NOW, WINDOW, 5))
                        .as(title).isNotEmpty();
                assertThat(ids(cases.engine.suggest(typed, NOW, WINDOW, 5))).as(title).containsExactlyElementsOf(
                        ids(DuplicateSuggestions.suggest(lucene.index, lucene.documents, typed, NOW, WINDOW, 5)));
            }
        }
    }

    @Test
    void anEngineThatCannotAnswerSaysSoInsteadOfAnsweringNothing() throws Exception {
        cases.tell(CaseStory.of("c1").registered("N1", "路灯不亮", "门口路灯坏了", "370602"));
        cases.index.client().indices().delete(delete -> delete.index(cases.index.name())); // gone from the cluster

        assertThatThrownBy(() -> search(text("路灯"))).isInstanceOf(CaseSearchEngine.Unavailable.class);
        assertThatThrownBy(() -> cases.engine.suggest(new Typed("路灯不亮", null, null, null, null), NOW, WINDOW, 5))
                .isInstanceOf(CaseSearchEngine.Unavailable.class);
    }

    private static void caughtUp(IndexFeed<?> feed) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (feed.lag() > 0) {
            assertThat(System.nanoTime()).as("caught up in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
        feed.index().refreshNow();
    }
}

package io.hotline.query.search;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.ProgressRecorded;
import io.hotline.kernel.common.Category;
import io.hotline.query.projection.CaseStory;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Free-text search on the case index: Chinese words, filters and scope inside the engine, cursors, highlights. */
class CaseIndexSearchTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final IndexedCases cases = new IndexedCases();

    @AfterEach
    void close() {
        cases.close();
    }

    private static CaseFilter text(String text) {
        return new CaseFilter(null, null, null, null, null, null, null, null, null, text, null, null, null, null);
    }

    private CaseTextSearch.Found search(CaseFilter filter) {
        return CaseTextSearch.search(cases.index, filter, NOW, 0, 20, null);
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
        assertThat(found("噪音 停车")).isEmpty(); // every word must occur
        assertThat(found("漏水 的")).containsExactly("leak"); // a lone character beside a word only ranks
    }

    @Test
    void aShortNumberOrALatinWordInTheTextIsFoundWhole() {
        cases.tell(CaseStory.of("numbered").registered("N1", "3号楼路灯不亮 27182", "小区路灯", "370602"),
                CaseStory.of("other").registered("N2", "路灯不亮 2718", "小区路灯", "370602"),
                CaseStory.of("latin").registered("N3", "路灯不亮 kqzvbe", "小区路灯", "370602"));

        assertThat(found("27182")).containsExactly("numbered");
        assertThat(found("2718")).containsExactly("other");
        assertThat(found("KQZVBE")).containsExactly("latin");
        // seven digits or more read as a phone or an identity number: never indexed (personalDataIsNeverIndexed)
    }

    @Test
    void theTitleWeighsMoreThanTheContent() {
        cases.tell(CaseStory.of("in-content").registered("N1", "小区环境问题", "门口路灯坏了", "370602"),
                CaseStory.of("in-title").registered("N2", "路灯不亮", "晚上很黑", "370602"));

        assertThat(search(text("路灯")).hits()).extracting(CaseTextSearch.Hit::caseId)
                .containsExactly("in-title", "in-content");
    }

    @Test
    void progressNotesAndRepliesAreSearched() {
        cases.tell(CaseStory.of("c1").registered("N1").dispatched("WATER").signedFor("WATER").progress("WATER")
                .replied("WATER", true));

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
        // a unit handler of WATER: only the case WATER was ever in the chain of, and the total says so too
        CaseFilter scoped = new CaseFilter(null, null, null, null, null, null, null, null, null, "路灯", null, null,
                java.util.Set.of("WATER"), null);
        assertThat(found(scoped)).containsExactly("water");
        assertThat(search(scoped).total()).isEqualTo(1);
        // a district's staff: every case a unit of the subtree was in the chain of, in one filter of the engine
        CaseFilter subtree = new CaseFilter(null, null, null, null, null, null, null, null, null, "路灯", null, null,
                java.util.Set.of("WATER", "NO-SUCH-UNIT"), null);
        assertThat(found(subtree)).containsExactly("water");
        // the sign-for deadline of "water" (dispatched, never signed for) has passed by far at NOW
        assertThat(found(new CaseFilter(null, null, null, null, null, null, true, null, null, "路灯", null, null,
                null, null))).containsExactly("water");
        assertThat(found(new CaseFilter(null, null, null, null, null, null, false, null, null, "路灯", null, null,
                null, null))).containsExactly("new", "street");
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
            CaseTextSearch.Found page = CaseTextSearch.search(cases.index, text("路灯"), NOW, 0, 10, cursor);
            assertThat(page.total()).isEqualTo(25);
            page.hits().forEach(hit -> assertThat(seen.add(hit.caseId())).as(hit.caseId()).isTrue());
            cursor = page.cursor();
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(25);
        assertThat(pages).isEqualTo(3);
        assertThat(CaseTextSearch.search(cases.index, text("路灯"), NOW, 2, 10, null).hits()).hasSize(5);
        assertThatThrownBy(() -> CaseTextSearch.search(cases.index, text("路灯"), NOW, 0, 10, "bm90IGEgY3Vyc29y"))
                .isInstanceOf(CaseTextSearch.BadCursor.class);
        assertThatThrownBy(() -> CaseTextSearch.search(cases.index, text("路灯"), NOW, Integer.MAX_VALUE, 100, null))
                .isInstanceOf(CaseTextSearch.TooDeep.class);
    }

    @Test
    void pastTheCountedBoundTheTotalIsALowerBoundAndTheCursorStillReachesEveryHit() {
        int many = CaseTextSearch.COUNTED_EXACTLY + 50;
        List<CaseStory> stories = new ArrayList<>();
        for (int i = 0; i < many; i++) {
            stories.add(CaseStory.of("c" + i, CaseStory.START.plusSeconds(i))
                    .registered("N" + i, "路灯不亮", "小区路灯", "370602"));
        }
        cases.tell(stories.toArray(CaseStory[]::new));
        cases.tell(CaseStory.of("few").registered("F1", "井盖丢失", "路口井盖丢失", "370602"));

        CaseTextSearch.Found first = search(text("路灯"));
        assertThat(first.exact()).isFalse();
        assertThat(first.total()).isEqualTo(CaseTextSearch.COUNTED_EXACTLY);
        assertThat(first.hits()).hasSize(20);
        assertThat(search(text("井盖")).exact()).isTrue();
        assertThat(search(text("井盖")).total()).isEqualTo(1);

        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            CaseTextSearch.Found page = CaseTextSearch.search(cases.index, text("路灯"), NOW, 0, 2_000, cursor);
            page.hits().forEach(hit -> assertThat(seen.add(hit.caseId())).as(hit.caseId()).isTrue());
            cursor = page.cursor();
        } while (cursor != null);
        assertThat(seen).hasSize(many);
    }

    @Test
    void highlightsMarkTheMatchesAndEscapeEverythingElse() {
        cases.tell(CaseStory.of("c1").registered("N1", "路灯<b>不亮</b>", "<script>alert(1)</script>门口路灯坏了",
                "370602"));

        CaseTextSearch.Hit hit = search(text("路灯")).hits().get(0);

        assertThat(hit.highlights().get("title")).isEqualTo("<mark>路灯</mark>&lt;b&gt;不亮&lt;&#x2F;b&gt;");
        assertThat(hit.highlights().get("content")).contains("&lt;script&gt;").contains("<mark>路灯</mark>")
                .doesNotContain("<script>");
    }

    @Test
    void querySyntaxIsPlainText() {
        cases.tell(CaseStory.of("and").registered("N1", "WiFi AND 宽带", "网络 title:断了", "370602"),
                CaseStory.of("other").registered("N2", "路灯不亮", "小区路灯", "370602"));

        assertThat(found("AND")).containsExactly("and");
        assertThat(found("title:断了")).containsExactly("and");
        for (String hostile : new String[]{"*", "\"", "\\", ":", "路灯 OR *", "\"路灯", "路灯\\", "*:*", "+-&&||!(){}[]^~?/"}) {
            assertThat(found(hostile)).as(hostile).doesNotContain("and");
        }
        assertThat(found("路灯 OR *")).isEmpty(); // OR is a word like any other, and no case holds it
    }

    @Test
    void personalDataIsNeverIndexed() {
        cases.tell(CaseStory.of("c1").registered("N1", "路灯不亮", "请回电13912345678，身份证110101199003071234",
                "370602"));

        assertThat(found("路灯")).containsExactly("c1");
        assertThat(found("张三")).isEmpty();
        assertThat(found(CaseStory.PHONE)).isEmpty();
        assertThat(found("13912345678")).isEmpty();
        assertThat(found("110101199003071234")).isEmpty();
        String everythingStored = cases.index.search(searcher -> {
            StringBuilder all = new StringBuilder();
            var stored = searcher.storedFields();
            for (var hit : searcher.search(new MatchAllDocsQuery(), 10).scoreDocs) {
                stored.document(hit.doc).forEach(field -> all.append(field.binaryValue() != null
                        ? new String(field.binaryValue().bytes, StandardCharsets.UTF_8) : field.stringValue()));
            }
            return all.toString();
        });
        assertThat(everythingStored).contains("路灯").doesNotContain("张").doesNotContain("13800138000")
                .doesNotContain("138****").doesNotContain("13912345678").doesNotContain("110101199003071234");
        // the caller is found by the keyed hash of the phone, which is all the index holds of them
        assertThat(callersCases(CaseStory.PHONE)).isEqualTo(1);
    }

    private int callersCases(String phone) {
        Integer count = cases.index.search(searcher -> searcher.count(new TermQuery(new Term(CaseDocuments.PHONE,
                IndexedCases.PHONES.hash(phone)))));
        return count;
    }

    @Test
    void anErasedCallerIsNoLongerFoundByTheirPhone() {
        cases.tell(CaseStory.of("c1").registered("N1").erased());

        assertThat(callersCases(CaseStory.PHONE)).isZero();
        assertThat(found("路灯")).containsExactly("c1");
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER").signedFor("WATER")
                .progress("WATER").replied("WATER", true);
        List<org.axonframework.eventhandling.EventMessage<?>> log = story.steps().stream()
                .<org.axonframework.eventhandling.EventMessage<?>>map(step -> IndexedCases.message("c1",
                        step.sequence(), step.event())).toList();
        cases.batch(log);
        String once = storedView();

        cases.batch(log); // the whole batch again, as after a crash before the token was stored
        cases.tell("c1", 3, new ProgressRecorded("c1", "WATER", "已现场查看", CaseStory.handler("WATER"), NOW));

        assertThat(cases.index.size()).isEqualTo(1);
        assertThat(storedView()).isEqualTo(once);
        assertThat(cases.documents.read(cases.index.search(searcher -> searcher.storedFields()
                .document(0).getBinaryValue(CaseDocuments.VIEW))).notes()).hasSize(2);
        assertThat(found("现场查看")).containsExactly("c1");
    }

    private String storedView() {
        return cases.index.search(searcher -> {
            var hit = searcher.search(new TermQuery(new Term(CaseDocuments.ID, "c1")), 1).scoreDocs[0];
            var bytes = searcher.storedFields().document(hit.doc).getBinaryValue(CaseDocuments.VIEW);
            return new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.ISO_8859_1);
        });
    }

    @Test
    void aCaseSentDownIsTheSendersCaseAndItsDraftAwaitsReview() {
        cases.tell(CaseStory.of("down").registered("N1").dispatched("HUANCUI").signedFor("HUANCUI")
                        .dispatchedDown("HUANCUI", "HC-JINGYUAN", 2).signedFor("HC-JINGYUAN")
                        .drafted("HC-JINGYUAN", "HUANCUI", true),
                CaseStory.of("below").registered("N2").dispatched("HUANCUI").signedFor("HUANCUI")
                        .dispatchedDown("HUANCUI", "HC-JINGYUAN", 2).objected("HC-JINGYUAN"),
                CaseStory.of("first").registered("N3").dispatched("WATER").objected("WATER"));

        assertThat(found(lamps("HUANCUI", null))).containsExactly("below", "down");
        assertThat(found(lamps("HC-JINGYUAN", null))).containsExactly("below", "down");
        assertThat(found(lamps(null, CaseFilter.Pending.REVIEW))).containsExactly("down");
        // an objection from below is the district's to decide, not the coordinator's
        assertThat(found(lamps(null, CaseFilter.Pending.OBJECTION))).containsExactly("first");
    }

    private static CaseFilter lamps(String unit, CaseFilter.Pending pending) {
        return new CaseFilter(null, unit, null, null, null, null, null, null, null, "路灯", null, null, null, pending);
    }
}

package io.hotline.query.search;

import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseStatus;
import io.hotline.query.projection.CaseStory;
import io.hotline.query.search.DuplicateSuggestions.Reason;
import io.hotline.query.search.DuplicateSuggestions.Suggestion;
import io.hotline.query.search.DuplicateSuggestions.Typed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 并单 suggestions: the caller's earlier cases and similar open, recent, nearby ones. */
class DuplicateSuggestionsTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final Duration WINDOW = Duration.ofDays(30);

    private final IndexedCases cases = new IndexedCases();

    @AfterEach
    void close() {
        cases.close();
    }

    private void registered(String id, String title, String content, String area, String phone, Instant at) {
        cases.tell(id, 0, IndexedCases.registered(id, title, content, area, phone, at));
    }

    private List<Suggestion> suggest(String title, String content, String area, String phone) {
        String hash = phone == null ? null : IndexedCases.PHONES.hash(phone);
        return DuplicateSuggestions.suggest(cases.index, cases.documents, new Typed(title, content, area, hash, null),
                NOW, WINDOW, 5);
    }

    private static List<String> ids(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::caseId).toList();
    }

    @Test
    void theEarlierCaseAboutTheSameMatterIsProposedFirst() {
        Instant day = NOW.minus(Duration.ofDays(1));
        registered("lamp", "小区门口路灯不亮", "幸福小区东门路灯已经坏了一周，晚上出行不便", "370602", "13900000001", day);
        registered("noise", "夜间施工噪音扰民", "工地晚上十一点还在施工", "370602", "13900000002", day);
        registered("water", "停水没有通知", "小区突然停水，没有提前通知", "370602", "13900000003", day);

        List<Suggestion> found = suggest("路灯坏了", "东门的路灯晚上不亮", "370602", "13900000009");

        assertThat(ids(found)).first().isEqualTo("lamp");
        assertThat(found.get(0).reasons()).containsExactly(Reason.SIMILAR);
        assertThat(found.get(0).area()).isEqualTo("370602");
        assertThat(found.get(0).status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(found.get(0).registeredAt()).isEqualTo(day);
        assertThat(ids(found)).doesNotContain("noise");
    }

    @Test
    void theCallersOwnEarlierCasesComeByThePhoneHash() {
        Instant day = NOW.minus(Duration.ofDays(3));
        registered("mine", "物业费纠纷", "物业多收费", "370602", "13900000001", day);
        registered("theirs", "物业费纠纷", "物业多收费", "370602", "13900000002", day);

        List<Suggestion> found = suggest(null, null, null, "139-0000-0001");

        assertThat(ids(found)).containsExactly("mine");
        assertThat(found.get(0).reasons()).containsExactly(Reason.SAME_CALLER);
        List<Suggestion> both = suggest("物业费", null, null, "13900000001");
        assertThat(both.get(0).caseId()).isEqualTo("mine");
        assertThat(both.get(0).reasons()).containsExactly(Reason.SAME_CALLER, Reason.SIMILAR);
        assertThat(ids(both)).contains("theirs");
    }

    @Test
    void openCasesInTheSameAreaComeBeforeClosedOrDistantOnes() {
        Instant day = NOW.minus(Duration.ofDays(2));
        registered("far", "路灯不亮", "门口路灯坏了", "370799", "13900000001", day);
        registered("near", "路灯不亮", "门口路灯坏了", "370602", "13900000002", day);
        registered("closed", "路灯不亮", "门口路灯坏了", "370602", "13900000003", day);
        cases.tell("closed", 1, new CaseClosed("closed", CaseStory.OPERATOR, day.plusSeconds(60)));

        assertThat(ids(suggest("路灯不亮", null, "370602", null))).containsExactly("near", "far", "closed");
    }

    @Test
    void onlyCasesWithinTheWindowAndNeverMergedOnes() {
        registered("old", "路灯不亮", "门口路灯坏了", "370602", "13900000001", NOW.minus(Duration.ofDays(40)));
        cases.tell(CaseStory.of("merged", NOW.minus(Duration.ofDays(1))).registered("N9", "路灯不亮", "门口路灯坏了",
                "370602").merged("x", "N1"));

        assertThat(suggest("路灯不亮", null, "370602", null)).isEmpty();
        assertThat(suggest(null, null, null, "13900000001")).isEmpty();
    }

    @Test
    void aUnitHandlerIsProposedOnlyTheirUnitsCases() {
        cases.tell(CaseStory.of("water", NOW.minus(Duration.ofDays(1))).registered("N1", "路灯不亮", "门口路灯坏了",
                        "370602").dispatched("WATER"),
                CaseStory.of("street", NOW.minus(Duration.ofDays(1))).registered("N2", "路灯不亮", "门口路灯坏了",
                        "370602").dispatched("STREET"));

        List<Suggestion> found = DuplicateSuggestions.suggest(cases.index, cases.documents,
                new Typed("路灯不亮", null, null, null, java.util.Set.of("WATER")), NOW, WINDOW, 5);

        assertThat(ids(found)).containsExactly("water");
    }
}

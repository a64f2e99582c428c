package io.hotline.query.knowledge;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.knowledge.ArticleContent;
import io.hotline.kernel.knowledge.PolicyBasis;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The first matcher: word overlap, only articles in force for the caller's area, best first. */
class WordOverlapMatcherTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

    static PublishedArticle article(String id, String question, List<String> areas, List<String> keywords,
                                    LocalDate until) {
        return new PublishedArticle(id, 1, "WATER-01", new ArticleContent(question, "answer of " + id,
                new PolicyBasis("条例", "1号"), Category.CONSULTATION, areas, keywords, List.of(), null, until));
    }

    final List<PublishedArticle> published = new ArrayList<>(List.of(
            article("water", "停水了什么时候恢复供水？", List.of("370602"), List.of("停水", "没水"), null),
            article("permit", "居住证怎么办理？", List.of("3706"), List.of("居住证"), null),
            article("old-water", "停水通知在哪里看？", List.of("370602"), List.of("停水"), LocalDate.parse("2026-11-22"))));

    final WordOverlapMatcher matcher = new WordOverlapMatcher(() -> List.copyOf(published), CLOCK, Duration.ofMinutes(5));

    @Test
    void aCallersWordsFindTheArticleForTheirArea() {
        assertThat(matcher.match("家里突然停水了", "370602", TODAY, 5))
                .extracting(Suggestion::articleId).containsExactly("water");
    }

    @Test
    void anArticleForAnotherAreaIsNotOffered() {
        assertThat(matcher.match("家里突然停水了", "370611", TODAY, 5)).isEmpty();
    }

    @Test
    void anAreaPrefixCoversTheAreasBelowIt() {
        assertThat(matcher.match("想问一下居住证", "370611", TODAY, 5))
                .extracting(Suggestion::articleId).containsExactly("permit");
    }

    @Test
    void anArticlePastItsLastDayIsNotOffered() {
        assertThat(matcher.match("停水通知", "370602", TODAY.minusDays(1), 5))
                .extracting(Suggestion::articleId).contains("old-water");
        assertThat(matcher.match("停水通知", "370602", TODAY, 5))
                .extracting(Suggestion::articleId).doesNotContain("old-water");
    }

    @Test
    void unrelatedWordsFindNothing() {
        assertThat(matcher.match("路灯不亮", "370602", TODAY, 5)).isEmpty();
    }

    @Test
    void aChangeOnThisNodeIsOfferedAtTheNextMatch() {
        assertThat(matcher.match("燃气费怎么交", "370602", TODAY, 5)).isEmpty();
        published.add(article("gas", "燃气费怎么缴纳？", List.of("370602"), List.of("燃气费"), null));
        matcher.articlesChanged();
        assertThat(matcher.match("燃气费怎么交", "370602", TODAY, 5))
                .extracting(Suggestion::articleId).containsExactly("gas");
    }

    @Test
    void aKeywordOfOneCharacterOrOfLatinLettersIsFoundInsideLongerWords() {
        published.add(article("tax", "个税年度汇算怎么办？", List.of("3706"), List.of("税", "app"), null));
        matcher.articlesChanged();
        assertThat(matcher.match("退税", "370602", TODAY, 5)).extracting(Suggestion::articleId).containsExactly("tax");
        assertThat(matcher.match("个税APP打不开", "370602", TODAY, 5)).extracting(Suggestion::articleId)
                .containsExactly("tax");
    }

    @Test
    void theSuggestionCarriesTheVersionToCiteAndTheAnswer() {
        Suggestion found = matcher.match("停水", "370602", TODAY, 1).get(0);
        assertThat(found.articleVersion()).isEqualTo(1);
        assertThat(found.answer()).isEqualTo("answer of water");
        assertThat(found.policyDocument()).isEqualTo("条例");
    }

    @Test
    void hanTextIsComparedInPairsOfCharactersAndLatinInWords() {
        assertThat(Words.of("停水通知 ABC-12")).containsExactly("停水", "水通", "通知", "abc", "12");
        assertThat(Words.of("水")).containsExactly("水");
    }
}

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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lucene matcher: the caller's words against the questions, keywords and synonyms (the answer only ranks),
 * only articles in force for the caller's area, best first; the index follows the read model.
 */
class LuceneArticleMatcherTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

    static PublishedArticle article(String id, String question, List<String> areas, List<String> keywords,
                                    LocalDate until) {
        return article(id, 1, question, "answer of " + id, areas, keywords, List.of(), until);
    }

    static PublishedArticle article(String id, int version, String question, String answer, List<String> areas,
                                    List<String> keywords, List<String> synonyms, LocalDate until) {
        return new PublishedArticle(id, version, "WATER-01", new ArticleContent(question, answer,
                new PolicyBasis("条例", "1号"), Category.CONSULTATION, areas, keywords, synonyms, null, until));
    }

    final List<PublishedArticle> published = new ArrayList<>(List.of(
            article("water", "停水了什么时候恢复供水？", List.of("370602"), List.of("停水", "没水"), null),
            article("permit", "居住证怎么办理？", List.of("3706"), List.of("居住证"), null),
            article("old-water", "停水通知在哪里看？", List.of("370602"), List.of("停水"), LocalDate.parse("2026-11-22"))));

    final LuceneArticleMatcher matcher = new LuceneArticleMatcher(() -> List.copyOf(published), CLOCK, Duration.ofMinutes(5));

    @Test
    void aCallersWordsFindTheArticleForTheirArea() {
        assertThat(matcher.match("家里突然停水了", "370602", TODAY, 5))
                .extracting(Suggestion::articleId).containsExactly("water");
    }

    /** Warmed up, the index is loaded already: the first caller's match reads no articles. */
    @Test
    void aWarmedUpMatcherAnswersWithoutLoading() {
        AtomicInteger loads = new AtomicInteger();
        LuceneArticleMatcher warmed = new LuceneArticleMatcher(() -> {
            loads.incrementAndGet();
            return List.copyOf(published);
        }, CLOCK, Duration.ofMinutes(5));
        warmed.warmUp();
        int afterWarmUp = loads.get();
        assertThat(afterWarmUp).isPositive();

        assertThat(warmed.match("家里突然停水了", "370602", TODAY, 5)).extracting(Suggestion::articleId)
                .containsExactly("water");
        assertThat(loads.get()).isEqualTo(afterWarmUp);
        warmed.close();
    }

    @Test
    void warmingUpWithoutArticlesDoesNothing() {
        published.clear();
        matcher.warmUp();
        assertThat(matcher.match("家里突然停水了", "370602", TODAY, 5)).isEmpty();
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
    void aSynonymFindsTheArticleAsAKeywordDoes() {
        published.add(article("bill", 1, "水费怎么缴纳？", "营业厅或网上缴纳", List.of("3706"), List.of("水费"),
                List.of("自来水费"), null));
        matcher.articlesChanged();
        assertThat(matcher.match("自来水费", "370602", TODAY, 5)).extracting(Suggestion::articleId)
                .containsExactly("bill");
    }

    @Test
    void oneCommonWordSharedWithAQuestionIsNoMatch() {
        assertThat(matcher.match("路灯坏了怎么修", "370602", TODAY, 5)).extracting(Suggestion::articleId)
                .doesNotContain("permit");
    }

    @Test
    void keywordsWeighMoreThanTheQuestionAndTheQuestionMoreThanTheAnswer() {
        published.clear();
        published.add(article("in-answer", 1, "供电线路检修的安排", "检修期间会停电，供水不受影响", List.of("3706"),
                List.of("线路检修"), List.of(), null));
        published.add(article("in-question", 1, "检修停电多久恢复供电", "一般四小时内恢复", List.of("3706"),
                List.of("供电"), List.of(), null));
        published.add(article("in-keywords", 1, "小区突然没电了找谁", "先问物业，再打供电热线", List.of("3706"),
                List.of("停电", "检修"), List.of(), null));
        matcher.articlesChanged();
        assertThat(matcher.match("检修停电", "370602", TODAY, 5)).extracting(Suggestion::articleId)
                .containsExactly("in-keywords", "in-question", "in-answer");
    }

    @Test
    void aWithdrawnArticleIsNoLongerOfferedAndARevisionReplacesItsVersion() {
        assertThat(matcher.match("停水", "370602", TODAY, 5)).extracting(Suggestion::articleId).contains("water");
        published.removeIf(article -> article.articleId().equals("permit"));
        published.replaceAll(article -> article.articleId().equals("water")
                ? article("water", 2, "停水了什么时候恢复供水？", "revised answer", List.of("370602"),
                List.of("停水"), List.of(), null) : article);
        matcher.articlesChanged();
        assertThat(matcher.match("居住证", "370602", TODAY, 5)).isEmpty();
        Suggestion water = matcher.match("停水", "370602", TODAY, 5).get(0);
        assertThat(water.articleVersion()).isEqualTo(2);
        assertThat(water.answer()).isEqualTo("revised answer");
    }

    @Test
    void aChangeOnAnotherNodeIsOfferedOnceTheIndexIsOlderThanItsMaximumAge() {
        MutableClock clock = new MutableClock();
        LuceneArticleMatcher aging = new LuceneArticleMatcher(() -> List.copyOf(published), clock,
                Duration.ofSeconds(5));
        assertThat(aging.match("燃气费", "370602", TODAY, 5)).isEmpty();
        published.add(article("gas", "燃气费怎么缴纳？", List.of("370602"), List.of("燃气费"), null));
        assertThat(aging.match("燃气费", "370602", TODAY, 5)).isEmpty();
        clock.now = clock.now.plusSeconds(5);
        assertThat(aging.match("燃气费", "370602", TODAY, 5)).extracting(Suggestion::articleId)
                .containsExactly("gas");
        aging.close();
    }

    @Test
    void queryCharactersAreOnlyCharactersAndAnyTextIsAnswered() {
        assertThat(matcher.match("停水 AND \"*:\\ OR (停水", "370602", TODAY, 5)).extracting(Suggestion::articleId)
                .contains("water");
        assertThat(matcher.match("*", "370602", TODAY, 5)).isEmpty();
        assertThat(matcher.match("", "370602", TODAY, 5)).isEmpty();
        assertThat(matcher.match(null, "370602", TODAY, 5)).isEmpty();
        assertThat(matcher.match("停水".repeat(2500) + "居住证怎么办理".repeat(300), "370602", TODAY, 5))
                .extracting(Suggestion::articleId).contains("water", "permit");
    }

    @Test
    void theMatchedWordsSayWhyItIsOffered() {
        assertThat(matcher.match("家里停水了，什么时候恢复", "370602", TODAY, 1).get(0).matched())
                .contains("停水", "恢复");
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = CLOCK.instant();

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

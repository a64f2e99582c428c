package io.hotline.query.knowledge;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.knowledge.ArticleFlag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 直接办结率, the articles used, the articles still to write and the flagged ones, from the per-case facts. */
class KnowledgeFiguresTest {

    static final Instant DAY = Instant.parse("2026-11-23T02:00:00Z");

    static IntakeFact fact(String id, Category category, String title, boolean resolved, String article) {
        return new IntakeFact(id, category, title, "370602", DAY, resolved, article, article == null ? null : 1);
    }

    final List<IntakeFact> facts = List.of(
            fact("c1", Category.CONSULTATION, "停水什么时候恢复", true, "water"),
            fact("c2", Category.CONSULTATION, "又停水了", true, "water"),
            fact("c3", Category.CONSULTATION, "居住证怎么办理", true, null),
            fact("c4", Category.CONSULTATION, "居住证办理需要什么材料", true, null),
            fact("c5", Category.CONSULTATION, "公积金怎么提取", false, null),
            // registered, not answered yet: the projection has written no answer at all
            new IntakeFact("c6", Category.COMPLAINT, "路灯不亮", "370602", DAY, null, null, null));

    @Test
    void theDirectResolutionRateIsAnswersAtIntakeOverRequests() {
        KnowledgeFigures.Figures figures = KnowledgeFigures.of(null, null, facts, Map.of(), List.of());
        assertThat(figures.overall().registered()).isEqualTo(6);
        assertThat(figures.overall().resolvedAtIntake()).isEqualTo(4);
        assertThat(figures.byCategory()).containsExactly(
                new KnowledgeFigures.CategoryRate(Category.CONSULTATION, KnowledgeFigures.Rate.of(5, 4)),
                new KnowledgeFigures.CategoryRate(Category.COMPLAINT, KnowledgeFigures.Rate.of(1, 0)));
    }

    @Test
    void theArticlesUsedAreCountedWithTheirShareOfAnswersFromArticles() {
        KnowledgeFigures.Figures figures = KnowledgeFigures.of(null, null, facts, Map.of(), List.of());
        assertThat(figures.articles()).singleElement().satisfies(use -> {
            assertThat(use.articleId()).isEqualTo("water");
            assertThat(use.uses()).isEqualTo(2);
            assertThat(use.shareOfDirectResolutions()).isEqualTo(1.0);
        });
    }

    @Test
    void consultationsAnsweredWithoutAnArticleAreGroupedBySimilarWording() {
        KnowledgeFigures.Figures figures = KnowledgeFigures.of(null, null, facts, Map.of(), List.of());
        assertThat(figures.articlesToWrite()).singleElement().satisfies(gap -> {
            assertThat(gap.count()).isEqualTo(2);
            assertThat(gap.titles()).containsExactly("居住证怎么办理", "居住证办理需要什么材料");
        });
    }

    @Test
    void casesOutsideThePeriodAreNotCounted() {
        KnowledgeFigures.Figures figures = KnowledgeFigures.of(DAY.plusSeconds(1), null, facts, Map.of(), List.of());
        assertThat(figures.overall().registered()).isZero();
    }

    @Test
    void flaggedArticlesAreCountedByKind() {
        List<FlagView> flags = List.of(
                new FlagView("f1", "water", 1, ArticleFlag.OUTDATED, "时间改了", null, "WATER-01", DAY, "op-li"),
                new FlagView("f2", "water", 1, ArticleFlag.UNHELPFUL, "没说清楚", null, "WATER-01", DAY.plusSeconds(5),
                        "op-li"));
        KnowledgeFigures.Figures figures = KnowledgeFigures.of(null, null, facts, Map.of(), flags);
        assertThat(figures.flagged()).singleElement().satisfies(flagged -> {
            assertThat(flagged.outdated()).isEqualTo(1);
            assertThat(flagged.unhelpful()).isEqualTo(1);
            assertThat(flagged.lastReason()).isEqualTo("没说清楚");
        });
        assertThat(figures.articles().get(0).flags()).isEqualTo(2);
    }
}

package io.hotline.command.knowledge;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.knowledge.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** 知识条目: the life of a knowledge article, one test per rule and per refusal. */
class ArticleRulesTest {

    static final String ID = "article-1";
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    static final Actor WATER = Actor.of("wa-sun", "WATER-01", Role.UNIT_HANDLER);
    static final Actor WATER_COLLEAGUE = Actor.of("wa-li", "WATER-01", Role.UNIT_HANDLER);
    static final Actor HOUSING = Actor.of("ho-liu", "HOUSING", Role.UNIT_HANDLER);
    static final Actor EDITOR = Actor.of("ke-zhou", "HOTLINE", Role.KNOWLEDGE_EDITOR);
    static final Actor EDITOR_IN_UNIT = Actor.of("ke-wu", "WATER-01", Role.KNOWLEDGE_EDITOR, Role.UNIT_HANDLER);
    static final Actor OPERATOR = Actor.of("op-li", "HOTLINE", Role.OPERATOR);

    static ArticleContent content(String answer) {
        return new ArticleContent("停水了什么时候恢复供水？", answer, new PolicyBasis("城市供水条例", "国务院令第158号"),
                Category.CONSULTATION, List.of("370602"), List.of("停水", "供水"), List.of("没水"),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"));
    }

    static final ArticleContent FIRST = content("计划停水前24小时公告，抢修一般在12小时内恢复。");
    static final ArticleContent SECOND = content("计划停水前48小时公告，抢修一般在8小时内恢复。");

    static FixtureConfiguration<Article> fixture() {
        FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, CITY));
        fixture.registerInjectableResource(CITY);
        return fixture;
    }

    static ArticleDrafted drafted() {
        return new ArticleDrafted(ID, "WATER-01", FIRST, WATER, T0);
    }

    static ArticleSubmitted submitted(Actor by) {
        return new ArticleSubmitted(ID, by, T0);
    }

    static ArticlePublished published(int version, ArticleContent content) {
        return new ArticlePublished(ID, version, "WATER-01", content, EDITOR, T0);
    }

    static Matcher<ArticleRuleViolation> refused(ArticleRejection expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ArticleRuleViolation violation) {
                return violation.rejection() == expected;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an article refusal " + expected);
            }
        };
    }

    // ------------------------------------------------------------------ drafting

    @Test
    void aUnitDraftsAnArticleOnItsOwnMatters() {
        fixture().givenNoPriorActivity()
                .when(new DraftArticle(ID, "WATER-01", FIRST, WATER))
                .expectEvents(new ArticleDrafted(ID, "WATER-01", FIRST, WATER, NOW))
                .expectResultMessagePayload(new ArticleAcknowledged(ID, 0));
    }

    @Test
    void aUnitCannotDraftForAnotherUnit() {
        fixture().givenNoPriorActivity()
                .when(new DraftArticle(ID, "WATER-01", FIRST, HOUSING))
                .expectException(refused(ArticleRejection.NOT_YOUR_ARTICLE));
    }

    @Test
    void anOperatorCannotDraft() {
        fixture().givenNoPriorActivity()
                .when(new DraftArticle(ID, "HOTLINE", FIRST, OPERATOR))
                .expectException(refused(ArticleRejection.ROLE_REQUIRED));
    }

    @Test
    void anArticleWithoutItsPolicyBasisIsRefused() {
        ArticleContent noBasis = new ArticleContent("问", "答", null, Category.CONSULTATION, List.of("370602"),
                null, null, null, null);
        fixture().givenNoPriorActivity()
                .when(new DraftArticle(ID, "WATER-01", noBasis, WATER))
                .expectException(refused(ArticleRejection.CONTENT_INCOMPLETE));
    }

    @Test
    void anArticleWithoutAnAreaIsRefused() {
        ArticleContent nowhere = new ArticleContent("问", "答", new PolicyBasis("条例", null), Category.CONSULTATION,
                List.of(), null, null, null, null);
        fixture().givenNoPriorActivity()
                .when(new DraftArticle(ID, "WATER-01", nowhere, WATER))
                .expectException(refused(ArticleRejection.CONTENT_INCOMPLETE));
    }

    @Test
    void anAreaMustBeAnAreaCode() {
        ArticleContent badArea = new ArticleContent("问", "答", new PolicyBasis("条例", null), Category.CONSULTATION,
                List.of("37060A"), null, null, null, null);
        fixture().givenNoPriorActivity()
                .when(new DraftArticle(ID, "WATER-01", badArea, WATER))
                .expectException(refused(ArticleRejection.AREA_INVALID));
    }

    @Test
    void theEffectivePeriodMustNotEndBeforeItStarts() {
        ArticleContent reversed = new ArticleContent("问", "答", new PolicyBasis("条例", null), Category.CONSULTATION,
                List.of("3706"), null, null, LocalDate.parse("2027-01-01"), LocalDate.parse("2026-01-01"));
        fixture().givenNoPriorActivity()
                .when(new DraftArticle(ID, "WATER-01", reversed, WATER))
                .expectException(refused(ArticleRejection.PERIOD_REVERSED));
    }

    @Test
    void aColleagueOfTheUnitEditsTheDraft() {
        fixture().given(drafted())
                .when(new UpdateArticleDraft(ID, SECOND, WATER_COLLEAGUE))
                .expectEvents(new ArticleDraftUpdated(ID, SECOND, 0, WATER_COLLEAGUE, NOW));
    }

    @Test
    void anotherUnitCannotEditTheDraft() {
        fixture().given(drafted())
                .when(new UpdateArticleDraft(ID, SECOND, HOUSING))
                .expectException(refused(ArticleRejection.NOT_YOUR_ARTICLE));
    }

    @Test
    void aDraftInReviewCannotBeEdited() {
        fixture().given(drafted(), submitted(WATER))
                .when(new UpdateArticleDraft(ID, SECOND, WATER))
                .expectException(refused(ArticleRejection.IN_REVIEW));
    }

    // ------------------------------------------------------------------ review

    @Test
    void theUnitSubmitsTheDraftForReview() {
        fixture().given(drafted())
                .when(new SubmitArticle(ID, WATER))
                .expectEvents(new ArticleSubmitted(ID, WATER, NOW));
    }

    @Test
    void aDraftAlreadyInReviewIsNotSubmittedTwice() {
        fixture().given(drafted(), submitted(WATER))
                .when(new SubmitArticle(ID, WATER))
                .expectException(refused(ArticleRejection.IN_REVIEW));
    }

    @Test
    void aPublishedArticleWithoutARevisionHasNothingToSubmit() {
        fixture().given(drafted(), submitted(WATER), published(1, FIRST))
                .when(new SubmitArticle(ID, WATER))
                .expectException(refused(ArticleRejection.NO_DRAFT));
    }

    @Test
    void theEditorPublishesTheSubmittedDraftAsVersionOne() {
        fixture().given(drafted(), submitted(WATER))
                .when(new ApproveArticle(ID, EDITOR))
                .expectEvents(new ArticlePublished(ID, 1, "WATER-01", FIRST, EDITOR, NOW));
    }

    @Test
    void aUnitCannotPublishItsOwnArticle() {
        fixture().given(drafted(), submitted(WATER))
                .when(new ApproveArticle(ID, WATER))
                .expectException(refused(ArticleRejection.ROLE_REQUIRED));
    }

    @Test
    void whoeverSubmittedTheDraftDoesNotReviewIt() {
        fixture().given(new ArticleDrafted(ID, "WATER-01", FIRST, EDITOR_IN_UNIT, T0), submitted(EDITOR_IN_UNIT))
                .when(new ApproveArticle(ID, EDITOR_IN_UNIT))
                .expectException(refused(ArticleRejection.OWN_SUBMISSION));
    }

    @Test
    void onlyASubmittedDraftIsReviewed() {
        fixture().given(drafted())
                .when(new ApproveArticle(ID, EDITOR))
                .expectException(refused(ArticleRejection.NOT_IN_REVIEW));
    }

    @Test
    void aDraftWhoseLastDayHasPassedIsNotPublished() {
        ArticleContent stale = new ArticleContent("问", "答", new PolicyBasis("条例", null), Category.CONSULTATION,
                List.of("3706"), null, null, LocalDate.parse("2025-01-01"), LocalDate.parse("2026-11-22"));
        fixture().given(new ArticleDrafted(ID, "WATER-01", stale, WATER, T0), submitted(WATER))
                .when(new ApproveArticle(ID, EDITOR))
                .expectException(refused(ArticleRejection.EXPIRED_BEFORE_PUBLICATION));
    }

    @Test
    void theEditorReturnsTheDraftWithAReason() {
        fixture().given(drafted(), submitted(WATER))
                .when(new ReturnArticle(ID, "请补充政策文号", EDITOR))
                .expectEvents(new ArticleReturned(ID, "请补充政策文号", EDITOR, NOW));
    }

    @Test
    void aReturnWithoutAReasonIsRefused() {
        fixture().given(drafted(), submitted(WATER))
                .when(new ReturnArticle(ID, " ", EDITOR))
                .expectException(refused(ArticleRejection.REASON_REQUIRED));
    }

    @Test
    void aReturnedDraftIsEditedAndSubmittedAgain() {
        fixture().given(drafted(), submitted(WATER), new ArticleReturned(ID, "请补充", EDITOR, T0),
                        new ArticleDraftUpdated(ID, SECOND, 0, WATER, T0))
                .when(new SubmitArticle(ID, WATER))
                .expectEvents(new ArticleSubmitted(ID, WATER, NOW));
    }

    // ------------------------------------------------------------------ revision

    @Test
    void aRevisionOfAPublishedArticleIsADraftOfItsPublishedVersion() {
        fixture().given(drafted(), submitted(WATER), published(1, FIRST))
                .when(new UpdateArticleDraft(ID, SECOND, WATER))
                .expectEvents(new ArticleDraftUpdated(ID, SECOND, 1, WATER, NOW));
    }

    @Test
    void aPublishedRevisionBecomesTheNextVersion() {
        fixture().given(drafted(), submitted(WATER), published(1, FIRST),
                        new ArticleDraftUpdated(ID, SECOND, 1, WATER, T0), submitted(WATER))
                .when(new ApproveArticle(ID, EDITOR))
                .expectEvents(new ArticlePublished(ID, 2, "WATER-01", SECOND, EDITOR, NOW));
    }

    // ------------------------------------------------------------------ withdrawal

    @Test
    void theOwningUnitWithdrawsItsArticle() {
        fixture().given(drafted(), submitted(WATER), published(1, FIRST))
                .when(new WithdrawArticle(ID, "政策已废止", WATER))
                .expectEvents(new ArticleWithdrawn(ID, 1, "政策已废止", WATER, NOW));
    }

    @Test
    void theEditorWithdrawsAnyUnitsArticle() {
        fixture().given(drafted(), submitted(WATER), published(1, FIRST))
                .when(new WithdrawArticle(ID, "内容有误", EDITOR))
                .expectEvents(new ArticleWithdrawn(ID, 1, "内容有误", EDITOR, NOW));
    }

    @Test
    void anotherUnitCannotWithdrawTheArticle() {
        fixture().given(drafted(), submitted(WATER), published(1, FIRST))
                .when(new WithdrawArticle(ID, "不对", HOUSING))
                .expectException(refused(ArticleRejection.NOT_YOUR_ARTICLE));
    }

    @Test
    void aWithdrawnArticleIsNeitherEditedNorWithdrawnAgain() {
        fixture().given(drafted(), new ArticleWithdrawn(ID, 0, "不需要了", WATER, T0))
                .when(new UpdateArticleDraft(ID, SECOND, WATER))
                .expectException(refused(ArticleRejection.ARTICLE_WITHDRAWN));
        fixture().given(drafted(), new ArticleWithdrawn(ID, 0, "不需要了", WATER, T0))
                .when(new WithdrawArticle(ID, "again", WATER))
                .expectException(refused(ArticleRejection.ARTICLE_WITHDRAWN));
    }

    @Test
    void aWithdrawalWithoutAReasonIsRefused() {
        fixture().given(drafted())
                .when(new WithdrawArticle(ID, "", WATER))
                .expectException(refused(ArticleRejection.REASON_REQUIRED));
    }

    // ------------------------------------------------------------------ flags from the operators

    @Test
    void anOperatorFlagsAPublishedVersionForItsOwner() {
        fixture().given(drafted(), submitted(WATER), published(1, FIRST))
                .when(new FlagArticle(ID, 1, ArticleFlag.OUTDATED, "恢复时间已改为8小时", "case-1", OPERATOR))
                .expectEvents(new ArticleFlagged(ID, 1, ArticleFlag.OUTDATED, "恢复时间已改为8小时", "case-1",
                        "WATER-01", OPERATOR, NOW));
    }

    @Test
    void onlyAPublishedVersionCanBeFlagged() {
        fixture().given(drafted(), submitted(WATER), published(1, FIRST))
                .when(new FlagArticle(ID, 2, ArticleFlag.UNHELPFUL, "没用", null, OPERATOR))
                .expectException(refused(ArticleRejection.NO_SUCH_VERSION));
    }

    @Test
    void aFlagWithoutAReasonIsRefused() {
        fixture().given(drafted(), submitted(WATER), published(1, FIRST))
                .when(new FlagArticle(ID, 1, ArticleFlag.UNHELPFUL, " ", null, OPERATOR))
                .expectException(refused(ArticleRejection.REASON_REQUIRED));
    }

    @Test
    void aUnitHandlerDoesNotFlagArticles() {
        fixture().given(drafted(), submitted(WATER), published(1, FIRST))
                .when(new FlagArticle(ID, 1, ArticleFlag.UNHELPFUL, "没用", null, HOUSING))
                .expectException(refused(ArticleRejection.ROLE_REQUIRED));
    }
}

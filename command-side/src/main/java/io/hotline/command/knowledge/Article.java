package io.hotline.command.knowledge;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.kernel.access.UnitRule;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.knowledge.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A knowledge article (知识条目): an answer the hotline gives on the call, kept by the unit whose matter it is.
 * <p>
 * A unit drafts it (起草) for its own matters and submits it (提交审核); a knowledge editor of the hotline (知识库管理员)
 * publishes it (发布) as version 1, or returns it with a reason (退回), after which the unit edits and submits
 * again. A published article is revised (修订) as a new draft of it, while the published version stays offered; the
 * revision published becomes the next version. Every published version stays in the log, whole, so a case that
 * cites one can show what was read out. A withdrawn article (撤下) is offered no more. Expiry needs no event: an
 * article is offered only on the days its published version is in force. Operators mark a version unhelpful or
 * outdated (反馈), which reaches its owning unit.
 * <p>
 * Who may do what comes from the permission table: a unit handler acts only on its own unit's articles, an editor
 * on any. Command handlers decide and apply; only the event-sourcing handlers below assign the state.
 */
@Aggregate
class Article {

    /** The working copy's stage: none (only the published version), being drafted, or waiting for review. */
    private enum Stage { NONE, DRAFT, IN_REVIEW }

    @AggregateIdentifier
    private String articleId;
    private String owningUnit;
    private Stage stage;
    private int publishedVersion;
    private boolean withdrawn;
    private String submittedBy;
    private ArticleContent draft;

    Article() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    ArticleAcknowledged handle(DraftArticle command, Clock clock) {
        permit(command.actor(), Action.PROPOSE_ARTICLE, command.owningUnit());
        check(command.content());
        apply(new ArticleDrafted(command.articleId(), command.owningUnit(), command.content(), command.actor(),
                clock.instant()));
        return acknowledged(command.articleId());
    }

    @CommandHandler
    ArticleAcknowledged handle(UpdateArticleDraft command, Clock clock) {
        permit(command.actor(), Action.PROPOSE_ARTICLE, owningUnit);
        requireOpen();
        if (stage == Stage.IN_REVIEW) {
            throw new ArticleRuleViolation(ArticleRejection.IN_REVIEW);
        }
        check(command.content());
        apply(new ArticleDraftUpdated(articleId, command.content(), publishedVersion, command.actor(),
                clock.instant()));
        return acknowledged(articleId);
    }

    @CommandHandler
    ArticleAcknowledged handle(SubmitArticle command, Clock clock) {
        permit(command.actor(), Action.PROPOSE_ARTICLE, owningUnit);
        requireOpen();
        if (stage == Stage.IN_REVIEW) {
            throw new ArticleRuleViolation(ArticleRejection.IN_REVIEW);
        }
        if (stage != Stage.DRAFT) {
            throw new ArticleRuleViolation(ArticleRejection.NO_DRAFT);
        }
        apply(new ArticleSubmitted(articleId, command.actor(), clock.instant()));
        return acknowledged(articleId);
    }

    @CommandHandler
    ArticleAcknowledged handle(ApproveArticle command, Clock clock, ZoneId zone) {
        permit(command.actor(), Action.REVIEW_ARTICLE, owningUnit);
        requireInReview(command.actor());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (draft.effectiveUntil() != null && draft.effectiveUntil().isBefore(today)) {
            throw new ArticleRuleViolation(ArticleRejection.EXPIRED_BEFORE_PUBLICATION);
        }
        apply(new ArticlePublished(articleId, publishedVersion + 1, owningUnit, draft, command.actor(),
                clock.instant()));
        return acknowledged(articleId);
    }

    @CommandHandler
    ArticleAcknowledged handle(ReturnArticle command, Clock clock) {
        permit(command.actor(), Action.REVIEW_ARTICLE, owningUnit);
        requireInReview(command.actor());
        requireReason(command.reason());
        apply(new ArticleReturned(articleId, command.reason().strip(), command.actor(), clock.instant()));
        return acknowledged(articleId);
    }

    @CommandHandler
    ArticleAcknowledged handle(WithdrawArticle command, Clock clock) {
        permit(command.actor(), Action.WITHDRAW_ARTICLE, owningUnit);
        requireOpen();
        requireReason(command.reason());
        apply(new ArticleWithdrawn(articleId, publishedVersion, command.reason().strip(), command.actor(),
                clock.instant()));
        return acknowledged(articleId);
    }

    @CommandHandler
    ArticleAcknowledged handle(FlagArticle command, Clock clock) {
        permit(command.actor(), Action.FLAG_ARTICLE, owningUnit);
        requireOpen();
        if (command.articleVersion() < 1 || command.articleVersion() > publishedVersion) {
            throw new ArticleRuleViolation(ArticleRejection.NO_SUCH_VERSION);
        }
        if (command.flag() == null) {
            throw new ArticleRuleViolation(ArticleRejection.REASON_REQUIRED);
        }
        requireReason(command.reason());
        apply(new ArticleFlagged(articleId, command.articleVersion(), command.flag(), command.reason().strip(),
                command.caseId(), owningUnit, command.actor(), clock.instant()));
        return acknowledged(articleId);
    }

    // ------------------------------------------------------------------ rules

    /** The permission table's answer: the role must allow the action, and a unit's rule keeps it to its own. */
    private static void permit(Actor actor, Action action, String owner) {
        UnitRule rule = Permissions.unitRule(actor.roles(), action)
                .orElseThrow(() -> new ArticleRuleViolation(ArticleRejection.ROLE_REQUIRED));
        if (rule != UnitRule.ANY_UNIT && !actor.actsFor(owner)) {
            throw new ArticleRuleViolation(ArticleRejection.NOT_YOUR_ARTICLE);
        }
    }

    private void requireOpen() {
        if (withdrawn) {
            throw new ArticleRuleViolation(ArticleRejection.ARTICLE_WITHDRAWN);
        }
    }

    private void requireInReview(Actor reviewer) {
        requireOpen();
        if (stage != Stage.IN_REVIEW) {
            throw new ArticleRuleViolation(ArticleRejection.NOT_IN_REVIEW);
        }
        // four eyes: whoever submitted the article (say, an editor who also works for the unit) does not review it
        if (reviewer.userId().equals(submittedBy)) {
            throw new ArticleRuleViolation(ArticleRejection.OWN_SUBMISSION);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ArticleRuleViolation(ArticleRejection.REASON_REQUIRED);
        }
    }

    /** What every version must have, whoever sent it (the web edge checks the same, field by field). */
    static void check(ArticleContent content) {
        if (content == null || blank(content.question()) || blank(content.answer()) || content.category() == null
                || content.areas().isEmpty() || content.policyBasis() == null
                || blank(content.policyBasis().documentName())) {
            throw new ArticleRuleViolation(ArticleRejection.CONTENT_INCOMPLETE);
        }
        if (content.areas().stream().anyMatch(area -> area == null || !area.matches("\\d{1,6}"))) {
            throw new ArticleRuleViolation(ArticleRejection.AREA_INVALID);
        }
        if (content.effectiveFrom() != null && content.effectiveUntil() != null
                && content.effectiveUntil().isBefore(content.effectiveFrom())) {
            throw new ArticleRuleViolation(ArticleRejection.PERIOD_REVERSED);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static ArticleAcknowledged acknowledged(String id) {
        return new ArticleAcknowledged(id, Objects.requireNonNullElse(AggregateLifecycle.getVersion(), -1L));
    }

    // ------------------------------------------------------------------ state, from the events only

    @EventSourcingHandler
    void on(ArticleDrafted event) {
        articleId = event.articleId();
        owningUnit = event.owningUnit();
        draft = event.content();
        stage = Stage.DRAFT;
    }

    @EventSourcingHandler
    void on(ArticleDraftUpdated event) {
        draft = event.content();
        stage = Stage.DRAFT;
    }

    @EventSourcingHandler
    void on(ArticleSubmitted event) {
        stage = Stage.IN_REVIEW;
        submittedBy = event.actor().userId();
    }

    @EventSourcingHandler
    void on(ArticlePublished event) {
        publishedVersion = event.articleVersion();
        stage = Stage.NONE;
        draft = null;
        submittedBy = null;
    }

    @EventSourcingHandler
    void on(ArticleReturned event) {
        stage = Stage.DRAFT;
        submittedBy = null;
    }

    @EventSourcingHandler
    void on(ArticleWithdrawn event) {
        withdrawn = true;
        stage = Stage.NONE;
    }
}

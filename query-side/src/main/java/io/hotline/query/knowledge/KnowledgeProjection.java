package io.hotline.query.knowledge;

import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseResolvedAtIntake;
import io.hotline.kernel.knowledge.*;
import io.hotline.query.personal.FreeText;
import io.hotline.query.readmodel.BatchedWrites;
import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.WritesInBatches;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Keeps one generation of the knowledge read model from the article events, and the per-case facts of the
 * knowledge figures from the registrations and answers at intake.
 *
 * <h2>Idempotent under redelivery and replay</h2>
 * Every write is an upsert by {@code _id} that sets values taken from the event alone ({@code $set}), so an event
 * applied twice leaves the documents as once, and a batch delivered again in order ends where it ended before.
 * A flag is keyed by its event's id. A processor batch's writes are stored together at its end
 * ({@link BatchedWrites}), before the batch's token: no event is acknowledged before its writes are stored, and the
 * matcher hears of a published or withdrawn article only once it is stored.
 */
public class KnowledgeProjection implements WritesInBatches {

    private static final int TITLE = 200;

    private final BatchedWrites writes;
    private final String articles;
    private final String versions;
    private final String flags;
    private final String intake;
    private final ArticleMatcher matcher;
    private final BooleanSupplier live;

    KnowledgeProjection(ReactiveMongoTemplate mongo, int generation, ArticleMatcher matcher, BooleanSupplier live) {
        this.writes = new BatchedWrites(mongo);
        this.articles = ReadModel.collection(KnowledgeCollections.ARTICLES, generation);
        this.versions = ReadModel.collection(KnowledgeCollections.VERSIONS, generation);
        this.flags = ReadModel.collection(KnowledgeCollections.FLAGS, generation);
        this.intake = ReadModel.collection(KnowledgeCollections.INTAKE, generation);
        this.matcher = matcher;
        this.live = live;
    }

    @Override
    public BatchedWrites writes() {
        return writes;
    }

    @EventHandler
    public void on(ArticleDrafted event, @SequenceNumber long sequence) {
        article(event.articleId(), sequence, event.actor().userId(), event.at(), new Update()
                .set("owningUnit", event.owningUnit())
                .set("status", ArticleStatus.DRAFT)
                .set("draftStage", ArticleStatus.DRAFT)
                .set("publishedVersion", 0)
                .set("draft", event.content()));
    }

    @EventHandler
    public void on(ArticleDraftUpdated event, @SequenceNumber long sequence) {
        article(event.articleId(), sequence, event.actor().userId(), event.at(), new Update()
                .set("draftStage", ArticleStatus.DRAFT)
                .set("draft", event.content()));
    }

    @EventHandler
    public void on(ArticleSubmitted event, @SequenceNumber long sequence) {
        Update update = new Update().set("draftStage", ArticleStatus.IN_REVIEW).unset("returnedReason");
        move(event.articleId(), ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW);
        article(event.articleId(), sequence, event.actor().userId(), event.at(), update);
    }

    @EventHandler
    public void on(ArticleReturned event, @SequenceNumber long sequence) {
        move(event.articleId(), ArticleStatus.IN_REVIEW, ArticleStatus.DRAFT);
        article(event.articleId(), sequence, event.actor().userId(), event.at(), new Update()
                .set("draftStage", ArticleStatus.DRAFT)
                .set("returnedReason", event.reason()));
    }

    @EventHandler
    public void on(ArticlePublished event, @SequenceNumber long sequence) {
        writes.upsert(versions, byId(ArticleVersionView.id(event.articleId(), event.articleVersion())), new Update()
                .set("articleId", event.articleId())
                .set("articleVersion", event.articleVersion())
                .set("owningUnit", event.owningUnit())
                .set("content", event.content())
                .set("publishedAt", event.at())
                .set("publishedBy", event.actor().userId()));
        article(event.articleId(), sequence, event.actor().userId(), event.at(), new Update()
                .set("status", ArticleStatus.PUBLISHED)
                .unset("draftStage")
                .unset("draft")
                .unset("returnedReason")
                .set("publishedVersion", event.articleVersion())
                .set("published", event.content()));
        changed();
    }

    @EventHandler
    public void on(ArticleWithdrawn event, @SequenceNumber long sequence) {
        article(event.articleId(), sequence, event.actor().userId(), event.at(), new Update()
                .set("status", ArticleStatus.WITHDRAWN)
                .unset("draftStage")
                .set("withdrawnReason", event.reason()));
        changed();
    }

    @EventHandler
    public void on(ArticleFlagged event, EventMessage<?> message) {
        writes.upsert(flags, byId(message.getIdentifier()), new Update()
                .set("articleId", event.articleId())
                .set("articleVersion", event.articleVersion())
                .set("flag", event.flag())
                .set("reason", event.reason())
                .set("caseId", event.caseId())
                .set("owningUnit", event.owningUnit())
                .set("at", event.at())
                .set("by", event.actor().userId()));
    }

    @EventHandler
    public void on(CaseRegistered event) {
        String title = FreeText.scrubbed(event.title());
        writes.upsert(intake, byId(event.caseId()), new Update()
                .set("category", event.category())
                .set("title", title == null || title.length() <= TITLE ? title : title.substring(0, TITLE))
                .set("area", event.area())
                .set("registeredAt", event.registeredAt()));
    }

    @EventHandler
    public void on(CaseResolvedAtIntake event) {
        writes.upsert(intake, byId(event.caseId()), new Update()
                .set("resolvedAtIntake", true)
                .set("articleId", event.articleId())
                .set("articleVersion", event.articleVersion()));
    }

    /** The article's status becomes {@code to} if it is still {@code from}. */
    private void move(String articleId, ArticleStatus from, ArticleStatus to) {
        writes.updateFirst(articles, Query.query(Criteria.where("_id").is(articleId).and("status").is(from)),
                new Update().set("status", to));
    }

    private void article(String articleId, long sequence, String by, Instant at, Update update) {
        update.set("version", sequence).set("updatedAt", at).set("updatedBy", by);
        writes.upsert(articles, byId(articleId), update);
    }

    /** Only the live generation's changes reach this node's matcher: a rebuild beside it changes nothing offered. */
    private void changed() {
        if (live.getAsBoolean()) {
            writes.afterStored(matcher::articlesChanged);
        }
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}

package io.hotline.query.knowledge;

import io.hotline.query.readmodel.ReadModelGenerations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/** The knowledge read model's reads, each in the live generation's collections. */
@Component
class KnowledgeReads {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;

    KnowledgeReads(ReactiveMongoTemplate mongo, ReadModelGenerations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    Mono<ArticleView> article(String articleId) {
        return mongo.findById(articleId, ArticleView.class, live(KnowledgeCollections.ARTICLES));
    }

    Mono<ArticleVersionView> version(String articleId, int version) {
        return mongo.findById(ArticleVersionView.id(articleId, version), ArticleVersionView.class,
                live(KnowledgeCollections.VERSIONS));
    }

    /** Every article, or one unit's: a scan of the articles, which a city counts in thousands. */
    Flux<ArticleView> articles(String unit) {
        Query query = unit == null ? new Query() : Query.query(Criteria.where("owningUnit").is(unit));
        return mongo.find(query, ArticleView.class, live(KnowledgeCollections.ARTICLES));
    }

    Flux<FlagView> flags(String unit) {
        Query query = unit == null ? new Query() : Query.query(Criteria.where("owningUnit").is(unit));
        return mongo.find(query, FlagView.class, live(KnowledgeCollections.FLAGS));
    }

    Flux<IntakeFact> intake() {
        return mongo.findAll(IntakeFact.class, live(KnowledgeCollections.INTAKE));
    }

    /** The versions offered now, for the matcher (blocking: it is called from a match, off the event loop). */
    List<PublishedArticle> published() {
        return mongo.find(Query.query(Criteria.where("status").is(ArticleStatus.PUBLISHED)), ArticleView.class,
                        live(KnowledgeCollections.ARTICLES))
                .filter(view -> view.published() != null)
                .map(view -> new PublishedArticle(view.articleId(), view.publishedVersion(), view.owningUnit(),
                        view.published()))
                .collectList().block(WAIT);
    }

    private String live(String base) {
        return generations.liveCollection(KnowledgeCollections.MODEL, base);
    }
}

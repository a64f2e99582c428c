package io.hotline.query.knowledge;

import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelProjection;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.function.BooleanSupplier;

/**
 * Makes the {@link KnowledgeProjection} of a generation of the {@code knowledge} read model, so the read-model
 * machinery builds, rebuilds and switches it like the others ({@code POST /api/v1/admin/rebuild/knowledge}).
 */
@Component
class KnowledgeProjections implements ReadModelProjection {

    private final ReactiveMongoTemplate mongo;
    private final ArticleMatcher matcher;

    KnowledgeProjections(ReactiveMongoTemplate mongo, ArticleMatcher matcher) {
        this.mongo = mongo;
        this.matcher = matcher;
    }

    @Override
    public ReadModel model() {
        return KnowledgeCollections.MODEL;
    }

    @Override
    public Object forGeneration(int generation, BooleanSupplier live) {
        return new KnowledgeProjection(mongo, generation, matcher, live);
    }
}

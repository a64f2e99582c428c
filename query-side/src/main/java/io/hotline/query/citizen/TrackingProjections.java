package io.hotline.query.citizen;

import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelProjection;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.function.BooleanSupplier;

/**
 * Makes the {@link TrackingProjection} of a generation of {@link TrackingCollections#MODEL}, so the read-model
 * machinery builds, rebuilds and switches it like the others ({@code POST /api/v1/admin/rebuild/citizen-tracking}).
 */
@Component
class TrackingProjections implements ReadModelProjection {

    private final ReactiveMongoTemplate mongo;

    TrackingProjections(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public ReadModel model() {
        return TrackingCollections.MODEL;
    }

    @Override
    public Object forGeneration(int generation, BooleanSupplier live) {
        return new TrackingProjection(mongo, ReadModel.collection(TrackingCollections.NUMBERS, generation),
                ReadModel.collection(TrackingCollections.TRACKS, generation));
    }
}

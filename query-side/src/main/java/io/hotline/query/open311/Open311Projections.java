package io.hotline.query.open311;

import io.hotline.query.readmodel.BatchedWrites;
import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelProjection;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.function.BooleanSupplier;

/**
 * Makes the {@link Open311Projection} of a generation of {@link Open311Collections#MODEL}, so the read-model machinery
 * builds, rebuilds and switches it like the others ({@code POST /api/v1/admin/rebuild/open311-requests}).
 */
@Component
class Open311Projections implements ReadModelProjection {

    private final ReactiveMongoTemplate mongo;

    Open311Projections(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public ReadModel model() {
        return Open311Collections.MODEL;
    }

    @Override
    public Object forGeneration(int generation, BooleanSupplier live) {
        String requests = ReadModel.collection(Open311Collections.REQUESTS, generation);
        BatchedWrites writes = new BatchedWrites(mongo);
        return new Open311Projection(writes, requests, ReadModel.collection(Open311Collections.DAYS, generation),
                ReadModel.collection(Open311Collections.TOKENS, generation),
                new RequestUpdates(mongo, writes, requests, ReadModel.collection(Open311Collections.UPDATES, generation),
                        ReadModel.collection(Open311Collections.UPDATE_DAYS, generation)));
    }
}

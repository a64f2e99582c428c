package io.hotline.query.callbacks;

import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelProjection;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.function.BooleanSupplier;

/** Makes the {@link CallBackProjection} of a generation, so it is built, rebuilt and switched like the others. */
@Component
class CallBackProjections implements ReadModelProjection {

    private final ReactiveMongoTemplate mongo;

    CallBackProjections(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public ReadModel model() {
        return CallBackCollections.MODEL;
    }

    @Override
    public Object forGeneration(int generation, BooleanSupplier live) {
        return new CallBackProjection(mongo, ReadModel.collection(CallBackCollections.CALL_BACKS, generation));
    }
}

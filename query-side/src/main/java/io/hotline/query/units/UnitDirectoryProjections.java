package io.hotline.query.units;

import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelProjection;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.function.BooleanSupplier;

/** Makes the {@link UnitDirectoryProjection} of a generation, so the directory rebuilds like every read model. */
@Component
class UnitDirectoryProjections implements ReadModelProjection {

    private final ReactiveMongoTemplate mongo;

    UnitDirectoryProjections(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public ReadModel model() {
        return UnitCollections.MODEL;
    }

    @Override
    public Object forGeneration(int generation, BooleanSupplier live) {
        return new UnitDirectoryProjection(mongo, ReadModel.collection(UnitCollections.UNITS, generation));
    }
}

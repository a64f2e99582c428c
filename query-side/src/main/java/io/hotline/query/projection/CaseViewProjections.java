package io.hotline.query.projection;

import io.hotline.query.personal.PhoneHasher;
import io.hotline.query.readmodel.LiveChanges;
import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.function.BooleanSupplier;

/**
 * Makes the {@link CaseViewProjection} of a generation of {@link ReadModel#CASES}: over that generation's case,
 * inbox, board queue and search key collections, with the city's zone for the day keys, telling waiting readers
 * about its changes only while it is the live generation.
 */
@Component
class CaseViewProjections implements ReadModelProjection {

    private final ReactiveMongoTemplate mongo;
    private final PhoneHasher phones;
    private final LiveChanges changes;
    private final ZoneId zone;

    CaseViewProjections(ReactiveMongoTemplate mongo, PhoneHasher phones, LiveChanges changes,
                        @Value("${app.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.phones = phones;
        this.changes = changes;
        this.zone = zone;
    }

    @Override
    public ReadModel model() {
        return ReadModel.CASES;
    }

    @Override
    public Object forGeneration(int generation, BooleanSupplier live) {
        return new CaseViewProjection(new MongoViewStore(mongo, generation), phones, zone, changes.whileLive(live));
    }
}

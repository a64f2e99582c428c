package io.hotline.query.projection;

import io.hotline.query.caseview.CaseList;
import io.hotline.query.caseview.CaseReadModel;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.LiveChanges;
import io.hotline.query.inbox.Inbox;
import io.hotline.query.personal.PhoneHasher;
import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelProjection;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Makes the {@link CaseViewProjection} of a generation of {@link CaseReadModel#MODEL}: over that generation's case
 * and inbox collections, telling waiting readers about its changes only while it is the live generation.
 */
@Component
class CaseViewProjections implements ReadModelProjection {

    private final ReactiveMongoTemplate mongo;
    private final PhoneHasher phones;
    private final LiveChanges changes;

    CaseViewProjections(ReactiveMongoTemplate mongo, PhoneHasher phones, LiveChanges changes) {
        this.mongo = mongo;
        this.phones = phones;
        this.changes = changes;
    }

    @Override
    public ReadModel model() {
        return CaseReadModel.MODEL;
    }

    @Override
    public Object forGeneration(int generation, BooleanSupplier live) {
        MongoViewStore store = new MongoViewStore(mongo, ReadModel.collection(CaseView.COLLECTION, generation),
                ReadModel.collection(Inbox.COLLECTION, generation),
                ReadModel.collection(CaseList.COLLECTION, generation));
        return new CaseViewProjection(store, phones, whileLive(live));
    }

    /** What a projection of one generation reports: nothing while that generation is not the live one. */
    private ViewChanges whileLive(BooleanSupplier live) {
        return new ViewChanges() {
            @Override
            public void caseChanged(String caseId, long version) {
                if (live.getAsBoolean()) {
                    changes.caseStored(caseId, version);
                }
            }

            @Override
            public void inboxesChanged(Set<String> units) {
                if (live.getAsBoolean()) {
                    units.forEach(changes::inboxChanged);
                }
            }
        };
    }
}

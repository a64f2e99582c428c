package io.hotline.query.figures;

import io.hotline.query.figures.ledger.FigureBatch;
import io.hotline.query.figures.live.FigureChanges;
import io.hotline.query.figures.ledger.FigureCollections;
import io.hotline.query.figures.ledger.FiguresLedger;
import io.hotline.query.figures.ledger.MongoFigureStore;
import io.hotline.query.figures.facts.WorkingTime;
import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelProjection;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.function.BooleanSupplier;

/**
 * Makes the {@link CaseFiguresProjection} of a generation of {@link FigureCollections#MODEL}: a ledger over that
 * generation's collections (fixed, whichever generation is live), which tells the dashboards and gauges on
 * this node about changed figures only while it is the live generation. The ledger writes through a
 * {@link FigureBatch}, so a processor batch is stored (and told) once. A rebuild booking years of history
 * beside the live figures would otherwise make every open dashboard re-read for nothing.
 */
@Component
class FigureProjections implements ReadModelProjection {

    private final ReactiveMongoTemplate mongo;
    private final WorkingTime workingTime;
    private final ZoneId zone;
    private final FigureChanges changes;

    FigureProjections(ReactiveMongoTemplate mongo, WorkingTime workingTime, ZoneId zone, FigureChanges changes) {
        this.mongo = mongo;
        this.workingTime = workingTime;
        this.zone = zone;
        this.changes = changes;
    }

    @Override
    public ReadModel model() {
        return FigureCollections.MODEL;
    }

    @Override
    public Object forGeneration(int generation, BooleanSupplier live) {
        FigureBatch batch = new FigureBatch(new MongoFigureStore(mongo, () -> generation), change -> {
            if (live.getAsBoolean()) {
                changes.publish(change);
            }
        });
        return new CaseFiguresProjection(new FiguresLedger(batch, zone, batch::changed), workingTime,
                batch);
    }
}

package io.hotline.query.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live generation of each read model, as this node last read it. Readers resolve collection names here
 * on every request (no database round trip); {@link ReadModelProcessors} refreshes it every
 * {@code app.query.generation-refresh}, so a switch made on another node reaches this one within that time.
 * The old generation's collections outlive the switch by {@code app.query.rebuild.retire-after}, so a node
 * reading them until its refresh still answers.
 */
@Component
public class ReadModelGenerations {

    private static final Logger log = LoggerFactory.getLogger(ReadModelGenerations.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Generation> known = new ConcurrentHashMap<>();

    public ReadModelGenerations(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The collection readers use now for a base collection of a read model. */
    public String liveCollection(ReadModel model, String base) {
        return ReadModel.collection(base, live(model));
    }

    public int live(ReadModel model) {
        Generation generation = known.get(model.name());
        return generation == null ? 1 : generation.live();
    }

    public Optional<Generation> current(ReadModel model) {
        return Optional.ofNullable(known.get(model.name()));
    }

    /**
     * Makes sure the read model has a generations record. True when this call created it: the store had no
     * generation yet, so whatever sits in the generation-1 collections predates generations (an earlier layout
     * of the view) and the caller starts generation 1 afresh from the log.
     */
    boolean ensure(ReadModel model) {
        try {
            mongo.insert(new Generation(model.name(), 1, null, false, null, null), Generation.COLLECTION).block(WAIT);
            refresh(model);
            return true;
        } catch (DuplicateKeyException exists) {
            refresh(model);
            return false;
        }
    }

    /** Re-reads the record from the store. */
    Optional<Generation> refresh(ReadModel model) {
        Generation generation = mongo.findById(model.name(), Generation.class, Generation.COLLECTION).block(WAIT);
        if (generation != null) {
            known.put(model.name(), generation);
        }
        return Optional.ofNullable(generation);
    }

    /** Claims the next generation for a rebuild; empty when one is already being built. */
    Optional<Generation> beginBuilding(ReadModel model) {
        Generation current = refresh(model).orElseThrow();
        if (current.isBuilding()) {
            return Optional.empty();
        }
        int next = current.live() + 1;
        Query unclaimed = Query.query(Criteria.where("_id").is(model.name()).and("live").is(current.live())
                .and("building").is(null));
        long claimed = mongo.updateFirst(unclaimed,
                        new Update().set("building", next).set("buildingReady", false)
                                .set("buildingSince", clock.instant()),
                        Generation.COLLECTION)
                .block(WAIT).getModifiedCount();
        return claimed == 1 ? refresh(model) : Optional.empty();
    }

    /** Says the generation being built has its collections ready: processors may start filling them. */
    void markReady(ReadModel model, int generation) {
        Query building = Query.query(Criteria.where("_id").is(model.name()).and("building").is(generation));
        mongo.updateFirst(building, new Update().set("buildingReady", true), Generation.COLLECTION).block(WAIT);
        refresh(model);
    }

    /** Makes the generation being built the live one; false when another node did it first (or nothing to do). */
    boolean switchTo(ReadModel model, int generation) {
        Query building = Query.query(Criteria.where("_id").is(model.name()).and("building").is(generation));
        long switched = mongo.updateFirst(building,
                        new Update().set("live", generation).unset("building").set("buildingReady", false)
                                .unset("buildingSince")
                                .set("switchedAt", clock.instant()),
                        Generation.COLLECTION)
                .block(WAIT).getModifiedCount();
        refresh(model);
        if (switched == 1) {
            log.info("Read model {} switched to generation {}", model.name(), generation);
        }
        return switched == 1;
    }
}

package io.hotline.query.units;

import io.hotline.kernel.units.UnitEntry;
import io.hotline.kernel.units.UnitEstablished;
import io.hotline.kernel.units.UnitMoved;
import io.hotline.kernel.units.UnitRenamed;
import io.hotline.kernel.units.UnitRetired;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one generation of the unit directory. Idempotent: every write sets values taken from the event, and a
 * name joins the unit's name history with {@code $addToSet} of the same document, so an event applied twice leaves
 * the directory as once. Blocking on purpose: it runs on an event processor's thread.
 * <p>
 * A move rewrites the {@code path} of the unit and of everything under it (found by that path: a rare
 * administrator's act over a few thousand documents), so reads never walk the tree.
 */
public class UnitDirectoryProjection {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final String units;

    UnitDirectoryProjection(ReactiveMongoTemplate mongo, String units) {
        this.mongo = mongo;
        this.units = units;
    }

    @EventHandler
    public void on(UnitEstablished event) {
        UnitEntry unit = event.unit();
        String parent = unit.parent() == null || unit.parent().isBlank() ? null : unit.parent();
        List<String> path = new ArrayList<>(parent == null ? List.of() : pathOf(parent));
        path.add(unit.code());
        Update update = new Update()
                .set("fullName", unit.fullName().strip())
                .set("shortName", unit.shortName().strip())
                .set("kind", unit.kind().name())
                .set("parent", parent)
                .set("path", path)
                .set("areaCodes", unit.areaCodes())
                .set("contact", unit.contact())
                .set("inServiceFrom", unit.inServiceFrom() == null ? null : unit.inServiceFrom().toString())
                .set("demo", event.demo())
                .set("establishedAt", event.at())
                .addToSet("names", name(unit.fullName().strip(), unit.shortName().strip(), null));
        mongo.upsert(Query.query(Criteria.where("_id").is(unit.code())), update, units).block(WAIT);
    }

    @EventHandler
    public void on(UnitRenamed event) {
        Update update = new Update().set("fullName", event.fullName()).set("shortName", event.shortName())
                .addToSet("names", name(event.fullName(), event.shortName(), event.at()));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.code())), update, units).block(WAIT);
    }

    @EventHandler
    public void on(UnitMoved event) {
        List<String> newPath = new ArrayList<>(event.parent() == null ? List.of() : pathOf(event.parent()));
        newPath.add(event.code());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.code())),
                new Update().set("parent", event.parent()).set("path", newPath), units).block(WAIT);
        // Everything under it keeps its own part of the path below the moved unit.
        List<Document> below = mongo.find(Query.query(Criteria.where("path").is(event.code())), Document.class, units)
                .collectList().block(WAIT);
        for (Document unit : below) {
            if (unit.getString("_id").equals(event.code())) {
                continue;
            }
            List<String> path = unit.getList("path", String.class);
            int at = path.indexOf(event.code());
            List<String> moved = new ArrayList<>(newPath);
            moved.addAll(path.subList(at + 1, path.size()));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(unit.getString("_id"))),
                    new Update().set("path", moved), units).block(WAIT);
        }
    }

    @EventHandler
    public void on(UnitRetired event) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.code())),
                new Update().set("lastDay", event.lastDay().toString()).set("successor", event.successor()), units)
                .block(WAIT);
    }

    private List<String> pathOf(String code) {
        Document unit = mongo.findById(code, Document.class, units).block(WAIT);
        return unit == null ? List.of(code) : unit.getList("path", String.class);
    }

    /** One entry of the name history; {@code from} null: the unit's first name, held since it entered service. */
    private static Document name(String fullName, String shortName, Instant from) {
        return new Document("fullName", fullName).append("shortName", shortName)
                .append("from", from == null ? null : from.toString());
    }
}

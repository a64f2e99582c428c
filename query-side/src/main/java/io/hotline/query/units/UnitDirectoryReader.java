package io.hotline.query.units;

import io.hotline.query.readmodel.ReadModelGenerations;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;

/**
 * Reads the unit directory from its live generation. Lists read the whole collection: a city has a few thousand
 * units, and the embedded store would scan for any filter anyway.
 */
@Component
public class UnitDirectoryReader {

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final Clock clock;
    private final ZoneId zone;

    UnitDirectoryReader(ReactiveMongoTemplate mongo, ReadModelGenerations generations, Clock clock, ZoneId zone) {
        this.mongo = mongo;
        this.generations = generations;
        this.clock = clock;
        this.zone = zone;
    }

    /** One unit, or empty. */
    public Mono<UnitView> unit(String code) {
        return mongo.findById(code, Document.class, collection()).map(unit -> UnitView.of(unit, today()));
    }

    /**
     * Units whose code or names contain {@code text} (any case), of {@code kind}, directly under {@code parent}, or
     * anywhere under {@code under}; each filter optional. Ordered by their path, so a tree reads top-down.
     */
    public Flux<UnitView> units(String text, String kind, String parent, String under, boolean inServiceOnly) {
        String needle = text == null ? null : text.strip().toUpperCase(Locale.ROOT);
        LocalDate today = today();
        return mongo.findAll(Document.class, collection())
                .map(unit -> UnitView.of(unit, today))
                .filter(unit -> needle == null || needle.isEmpty() || unit.code().contains(needle)
                        || unit.fullName().contains(text.strip()) || unit.shortName().contains(text.strip()))
                .filter(unit -> kind == null || unit.kind().equals(kind))
                .filter(unit -> parent == null || parent.equals(unit.parent()))
                .filter(unit -> under == null || (unit.path().contains(under) && !unit.code().equals(under)))
                .filter(unit -> !inServiceOnly || unit.inService())
                .sort(Comparator.comparing((UnitView unit) -> String.join("/", unit.path())));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private String collection() {
        return generations.liveCollection(UnitCollections.MODEL, UnitCollections.UNITS);
    }
}

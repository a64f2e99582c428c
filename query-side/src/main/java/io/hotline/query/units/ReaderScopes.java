package io.hotline.query.units;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.units.UnitKind;
import io.hotline.query.web.ReaderScope;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each reader's {@link ReaderScope}, with the subtree of their unit resolved once from the unit directory: a
 * district's staff read the cases of every unit below the district. The codes are read as one set per request (a few
 * hundred at most) and kept a few seconds per unit, so no request walks the tree per case; the search and the case
 * lookup then match a case's involved units against the set.
 */
@Component
public class ReaderScopes {

    /** How long a unit's subtree is reused: a moved or new unit is in sight within this. */
    static final Duration KEPT = Duration.ofSeconds(5);

    private final UnitDirectoryReader directory;
    private final Clock clock;
    private final Map<String, Kept> subtrees = new ConcurrentHashMap<>();

    private record Kept(Optional<Set<String>> subtree, Instant until) {
    }

    ReaderScopes(UnitDirectoryReader directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The reader's scope: the whole city, their unit's subtree, or their own unit. */
    public Mono<ReaderScope> of(Actor reader) {
        return subtree(reader.unitId()).map(subtree -> ReaderScope.of(reader, subtree.orElse(null)));
    }

    /** The codes of the unit and everything below it; empty for the hotline and for codes the directory lacks. */
    private Mono<Optional<Set<String>>> subtree(String unit) {
        Instant now = clock.instant();
        Kept kept = subtrees.get(unit);
        if (kept != null && now.isBefore(kept.until())) {
            return Mono.just(kept.subtree());
        }
        return directory.unit(unit)
                .filter(view -> !UnitKind.HOTLINE.name().equals(view.kind()))
                .flatMap(view -> directory.units(null, null, null, unit, false)
                        .map(UnitView::code)
                        .collect(() -> new HashSet<>(Set.of(unit)), Set::add)
                        .map(codes -> Optional.<Set<String>>of(codes)))
                .defaultIfEmpty(Optional.empty())
                .doOnNext(found -> subtrees.put(unit, new Kept(found, now.plus(KEPT))));
    }
}

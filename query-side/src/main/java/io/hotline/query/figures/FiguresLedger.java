package io.hotline.query.figures;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Books one event into the figures: reads the case's facts, applies the event, and moves the case's
 * contribution in the buckets from what it was to what it is now (adds {@code new - old}).
 * <p>
 * Exactness under redelivery and replay:
 * <ul>
 *   <li>An event at or below the facts' {@code version} was booked already and is skipped.</li>
 *   <li>The facts are saved last. An event interrupted before that (a crash, a failed write) is delivered
 *       again and its delta recomputed, identically, from the same facts; the buckets it already reached are
 *       stamped with the event's marker ({@code caseId@sequence}) and are skipped the second time. The
 *       stamps are only checked on the first event after start-up and after a failure, the only times a
 *       half-booked event can be pending; the check costs one {@code _id} lookup of the touched buckets.
 *       This relies on the event processor retrying a failed event before booking anything else, which holds
 *       for the {@code case-figures} processing group: one segment, errors propagated (see
 *       {@link FiguresConfiguration}).</li>
 *   <li>A replay starts from dropped collections (see {@link CaseFiguresProjection#reset()}).</li>
 * </ul>
 */
final class FiguresLedger {

    private static final Logger log = LoggerFactory.getLogger(FiguresLedger.class);

    private final FigureStore store;
    private final ZoneId zone;
    private final FigureChanges changes;
    private volatile boolean checkMarkers = true;

    FiguresLedger(FigureStore store, ZoneId zone, FigureChanges changes) {
        this.store = store;
        this.zone = zone;
        this.changes = changes;
    }

    /** Applies {@code change} (one event, sequence number {@code sequence}) to the case's facts and figures. */
    void book(String caseId, long sequence, Consumer<CaseFacts> change) {
        try {
            CaseFacts before = store.facts(caseId).blockOptional().orElseGet(() -> new CaseFacts(caseId));
            if (before.version >= sequence) {
                log.debug("Case {} event {} already booked (facts at {})", caseId, sequence, before.version);
                return;
            }
            CaseFacts after = before.copy();
            change.accept(after);
            after.version = sequence;

            Contribution was = Contribution.of(before, zone);
            Contribution is = Contribution.of(after, zone);
            Map<Cell, Tally> delta = is.minus(was);

            store.add(buckets(delta), caseId + "@" + sequence, checkMarkers).block();
            store.index(newKeys(is.cells().keySet(), was.cells().keySet())).block();
            store.save(after).block();
            checkMarkers = false;
            if (!delta.isEmpty()) {
                changes.publish(changed(delta.keySet()));
            }
        } catch (RuntimeException e) {
            checkMarkers = true;
            throw e;
        }
    }

    /** Drops all figures so a replay rebuilds them from the first event. */
    void clear() {
        store.clear().block();
        log.info("Figures dropped for a replay");
        changes.publish(new FiguresChanged(Set.of(), true));
    }

    /** The per-cell delta spread over every bucket each cell belongs to; buckets that net to zero left out. */
    static Map<String, Tally> buckets(Map<Cell, Tally> delta) {
        Map<String, Tally> buckets = new LinkedHashMap<>();
        delta.forEach((cell, tally) -> BucketIds.of(cell)
                .forEach(id -> buckets.computeIfAbsent(id, any -> Tally.empty()).plus(tally)));
        buckets.values().removeIf(Tally::isZero);
        return buckets;
    }

    /** Index entries for the cells the case did not have before (the others are listed already). */
    private static Collection<KeyIndex> newKeys(Set<Cell> now, Set<Cell> before) {
        Map<String, KeyIndex> additions = new LinkedHashMap<>();
        for (Cell cell : now) {
            if (!before.contains(cell)) {
                for (String period : BucketIds.periodsOf(cell)) {
                    additions.put(period, additions.getOrDefault(period, KeyIndex.empty(period)).with(cell));
                }
            }
        }
        return new ArrayList<>(additions.values());
    }

    private static FiguresChanged changed(Collection<Cell> cells) {
        Set<LocalDate> days = new TreeSet<>();
        boolean now = false;
        for (Cell cell : cells) {
            if (cell.isNow()) {
                now = true;
            } else {
                days.add(cell.day());
            }
        }
        return new FiguresChanged(days, now);
    }
}

package io.hotline.query.figures.ledger;

import io.hotline.query.figures.buckets.BucketIds;
import io.hotline.query.figures.facts.CaseFacts;
import io.hotline.query.figures.buckets.Cell;
import io.hotline.query.figures.facts.Contribution;
import io.hotline.query.figures.buckets.KeyIndex;
import io.hotline.query.figures.buckets.Tally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
 *   <li>The facts are saved last. An event interrupted before that (a crash, a failed write, a node losing
 *       its claim) is delivered again, on this node or another, and its delta recomputed, identically and in
 *       the same order, from the same facts. The buckets it already reached are stamped with the event's
 *       marker ({@code caseId@sequence}) and skipped the second time (see {@link FigureStore#add}). This
 *       relies on the retry coming before any other event touches those buckets, which holds for every
 *       generation's processor of the {@code case-figures} read model: one segment, errors propagated rather
 *       than skipped (see {@link io.hotline.query.readmodel.ReadModelProcessors}).</li>
 *   <li>A rebuild books the whole log into a new generation's empty collections, beside the live ones.</li>
 * </ul>
 */
public final class FiguresLedger {

    private static final Logger log = LoggerFactory.getLogger(FiguresLedger.class);

    private final FigureStore store;
    private final ZoneId zone;
    private final Consumer<FiguresChanged> changes;

    /** {@code changes} hears of every booking that changed some figures, once its writes are stored. */
    public FiguresLedger(FigureStore store, ZoneId zone, Consumer<FiguresChanged> changes) {
        this.store = store;
        this.zone = zone;
        this.changes = changes;
    }

    /** Applies {@code change} (one event, sequence number {@code sequence}) to the case's facts and figures. */
    public void book(String caseId, long sequence, Consumer<CaseFacts> change) {
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
        meetUnits(after, delta.keySet());

        LinkedHashMap<String, Tally> buckets = buckets(delta, after.ancestry);
        int alreadyBooked = store.add(buckets, caseId + "@" + sequence).blockOptional().orElse(0);
        if (alreadyBooked > 0) {
            log.warn("Case {} event {} had been interrupted after {} of {} bucket updates; finished the rest",
                    caseId, sequence, alreadyBooked, buckets.size());
        }
        store.index(newKeys(is.cells().keySet(), was.cells().keySet(), after.ancestry)).block();
        store.save(after).block();
        if (!delta.isEmpty()) {
            changes.accept(changed(delta.keySet()));
        }
    }

    /**
     * A unit placed under {@code parent} (null: a root) by the directory: the tree the cases booked from now on meet
     * their units in. Cases already booked keep the ancestors they met their units under.
     */
    public void place(String unit, String parent) {
        FigureTree tree = store.tree().blockOptional().orElseGet(FigureTree::new);
        tree.place(unit, parent);
        store.save(tree).block();
    }

    /**
     * Records the ancestors of each unit the delta lands in that the case meets for the first time (the tree is
     * read only then). Both sides of the delta use the same ancestry, so a subtree bucket gets back exactly what
     * it was given. A case whose facts predate the ancestry meets its units now, in the tree of now.
     */
    private void meetUnits(CaseFacts facts, Set<Cell> cells) {
        FigureTree tree = null;
        for (Cell cell : cells) {
            if (cell.unit() != null && !facts.ancestry.containsKey(cell.unit())) {
                if (tree == null) {
                    tree = store.tree().blockOptional().orElseGet(FigureTree::new);
                }
                facts.ancestry.put(cell.unit(), tree.ancestors(cell.unit()));
            }
        }
    }

    /** The per-cell delta spread over every bucket each cell belongs to; buckets that net to zero left out. */
    static LinkedHashMap<String, Tally> buckets(Map<Cell, Tally> delta, Map<String, List<String>> ancestry) {
        LinkedHashMap<String, Tally> buckets = new LinkedHashMap<>();
        delta.forEach((cell, tally) -> BucketIds.of(cell, ancestry.getOrDefault(cell.unit(), List.of()))
                .forEach(id -> buckets.computeIfAbsent(id, any -> Tally.empty()).plus(tally)));
        buckets.values().removeIf(Tally::isZero);
        return buckets;
    }

    /** Index entries for the cells the case did not have before (the others are listed already). */
    private static Collection<KeyIndex> newKeys(Set<Cell> now, Set<Cell> before, Map<String, List<String>> ancestry) {
        Map<String, KeyIndex> additions = new LinkedHashMap<>();
        for (Cell cell : now) {
            if (!before.contains(cell)) {
                List<String> above = ancestry.getOrDefault(cell.unit(), List.of());
                for (String period : BucketIds.periodsOf(cell)) {
                    additions.put(period, additions.getOrDefault(period, KeyIndex.empty(period)).with(cell, above));
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

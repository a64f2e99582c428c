package io.hotline.query.figures.ledger;

import io.hotline.query.figures.buckets.BucketIncrement;
import io.hotline.query.figures.facts.CaseFacts;
import io.hotline.query.figures.buckets.KeyIndex;
import io.hotline.query.figures.buckets.Tally;
import io.hotline.query.readmodel.ProjectionBatch;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The figures' write-behind for one processor batch: a {@link FigureStore} in front of the generation's store
 * that, while a batch is open, keeps the facts, bucket deltas and key additions in memory and stores them once
 * when the batch {@linkplain #flush flushes}. Outside a batch every call goes straight to the backing store
 * (one event, one booking, exactly once by its marker; see {@link FigureStore#add(LinkedHashMap, String)}).
 *
 * <h2>Exactly once, even when the flush is cut short</h2>
 * The flush writes, in this order: the buckets, the key index, the facts. The facts (each case's
 * {@code version}) are the commit mark of its events, so all the buckets are stored before any facts.
 * Each bucket gets the sum of the batch's deltas to it and, in the same single-document update, {@code last}:
 * the log position of the last of those events. A flush cut short (the node dies, a write fails) stores no
 * token, so the processor delivers again from the batch's first event, perhaps with more events behind it:
 * <ul>
 *   <li>a case whose facts were stored skips its events, whose deltas every bucket holds already;</li>
 *   <li>any other case recomputes its events' deltas from the same facts, identically, at the same positions;</li>
 *   <li>each bucket takes only the deltas of events after its own {@code last} (read for the whole batch in one
 *       {@code _id $in} lookup), so what the interrupted flush stored is not added again, and what it did not
 *       store (or what is new in the retried batch) is.</li>
 * </ul>
 * This relies on the processor's one segment and propagated errors: nothing else adds to these buckets
 * between the failure and the retry (see {@link FiguresLedger}). Key additions are idempotent. The unit tree,
 * which directory events in the batch change, is stored after the facts: a retry starts from the tree the first
 * attempt started from and changes it at the same events, so every case meets the units under the same ancestors
 * again (placing a unit twice is the same as once). Listeners hear
 * of the changed figures once per batch, after the flush.
 */
public final class FigureBatch implements FigureStore, ProjectionBatch {

    private static final Logger log = LoggerFactory.getLogger(FigureBatch.class);

    /** One event's delta to one bucket. */
    private record Delta(long position, Tally tally) {
    }

    private final FigureStore backing;
    private final Consumer<FiguresChanged> listener;
    private boolean open;
    private long position = -1;
    /** The batch's cases as read at its start (null: not seen yet), then as booked. */
    private final Map<String, CaseFacts> read = new HashMap<>();
    private final Map<String, CaseFacts> booked = new LinkedHashMap<>();
    private final Map<String, List<Delta>> deltas = new LinkedHashMap<>();
    private final Map<String, KeyIndex> keys = new LinkedHashMap<>();
    private final List<FiguresChanged> changes = new ArrayList<>();
    /** The unit tree as the batch's events have left it; read from the store when first asked for in a batch. */
    private FigureTree tree;
    private boolean treeChanged;

    public FigureBatch(FigureStore backing, Consumer<FiguresChanged> listener) {
        this.backing = backing;
        this.listener = listener;
    }

    @Override
    public void begin(List<? extends EventMessage<?>> events) {
        clear();
        open = true;
        Set<String> cases = ProjectionBatch.aggregates(events);
        Map<String, CaseFacts> found = backing.facts(cases).blockOptional().orElse(Map.of());
        cases.forEach(id -> read.put(id, found.get(id)));
    }

    @Override
    public void next(EventMessage<?> event) {
        position = ProjectionBatch.position(event).orElseThrow(() -> new IllegalStateException(
                "a figures batch needs the log position of every event; " + event.getIdentifier() + " has none"));
    }

    @Override
    public void flush() {
        try {
            backing.add(increments()).block();
            backing.index(keys.values()).block();
            backing.saveAll(booked.values()).block();
            // last: a batch retried after a cut-short flush starts from the tree its first attempt started from
            if (treeChanged) {
                backing.save(tree).block();
            }
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
        FiguresChanged merged = merged(changes);
        discard();
        if (merged != null) {
            listener.accept(merged);
        }
    }

    @Override
    public void discard() {
        clear();
        open = false;
        position = -1;
    }

    /** Tells the listener now, or, while a batch is open, once it is stored. */
    public void changed(FiguresChanged change) {
        if (open) {
            changes.add(change);
        } else {
            listener.accept(change);
        }
    }

    private void clear() {
        read.clear();
        booked.clear();
        deltas.clear();
        keys.clear();
        changes.clear();
        tree = null;
        treeChanged = false;
    }

    /** Per bucket, the sum of the deltas of the events after the position the bucket holds already. */
    private List<BucketIncrement> increments() {
        if (deltas.isEmpty()) {
            return List.of();
        }
        Map<String, Long> held = backing.positions(deltas.keySet()).blockOptional().orElse(Map.of());
        List<BucketIncrement> increments = new ArrayList<>(deltas.size());
        int finished = 0;
        for (Map.Entry<String, List<Delta>> bucket : deltas.entrySet()) {
            long after = held.getOrDefault(bucket.getKey(), -1L);
            Tally sum = Tally.empty();
            Set<String> counts = new TreeSet<>();
            Set<Integer> bins = new TreeSet<>();
            long upTo = -1;
            for (Delta delta : bucket.getValue()) {
                if (delta.position() > after) {
                    sum.plus(delta.tally());
                    counts.addAll(delta.tally().nonZeroCounts().keySet());
                    bins.addAll(delta.tally().bins().keySet());
                    upTo = delta.position();
                } else {
                    finished++;
                }
            }
            // Even a sum of zero is written: the bucket must show that it holds these events' deltas.
            if (upTo >= 0) {
                increments.add(new BucketIncrement(bucket.getKey(), sum, counts, bins, upTo));
            }
        }
        if (finished > 0) {
            log.warn("A figures batch had been interrupted after storing {} of its bucket deltas; added the rest",
                    finished);
        }
        return increments;
    }

    private static FiguresChanged merged(List<FiguresChanged> changes) {
        if (changes.isEmpty()) {
            return null;
        }
        Set<LocalDate> days = new TreeSet<>();
        boolean now = false;
        for (FiguresChanged change : changes) {
            days.addAll(change.days());
            now |= change.now();
        }
        return new FiguresChanged(days, now);
    }

    @Override
    public Mono<CaseFacts> facts(String caseId) {
        if (!open) {
            return backing.facts(caseId);
        }
        CaseFacts facts = booked.get(caseId);
        if (facts == null) {
            if (!read.containsKey(caseId)) {
                read.put(caseId, backing.facts(caseId).blockOptional().orElse(null));
            }
            facts = read.get(caseId);
        }
        return Mono.justOrEmpty(facts);
    }

    @Override
    public Mono<Void> save(CaseFacts facts) {
        if (!open) {
            return backing.save(facts);
        }
        booked.put(facts.caseId, facts);
        return Mono.empty();
    }

    @Override
    public Mono<Integer> add(LinkedHashMap<String, Tally> buckets, String marker) {
        if (!open) {
            return backing.add(buckets, marker);
        }
        buckets.forEach((id, tally) -> deltas.computeIfAbsent(id, any -> new ArrayList<>())
                .add(new Delta(position, tally.copy())));
        return Mono.just(0);
    }

    @Override
    public Mono<Void> index(Collection<KeyIndex> additions) {
        if (!open) {
            return backing.index(additions);
        }
        for (KeyIndex addition : additions) {
            // In the order the events first named each value: $addToSet then stores the arrays in the order
            // booking the events one by one would.
            keys.computeIfAbsent(addition.period(), period -> new KeyIndex(period, new LinkedHashSet<>(),
                    new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>())).addAll(addition);
        }
        return Mono.empty();
    }

    @Override
    public Mono<FigureTree> tree() {
        if (!open) {
            return backing.tree();
        }
        if (tree == null) {
            tree = backing.tree().blockOptional().orElseGet(FigureTree::new);
        }
        return Mono.just(tree);
    }

    @Override
    public Mono<Void> save(FigureTree changed) {
        if (!open) {
            return backing.save(changed);
        }
        tree = changed;
        treeChanged = true;
        return Mono.empty();
    }

    @Override
    public Mono<Map<String, Long>> positions(Collection<String> bucketIds) {
        return backing.positions(bucketIds);
    }

    @Override
    public Mono<Void> add(Collection<BucketIncrement> increments) {
        return backing.add(increments);
    }

    @Override
    public Mono<Map<String, Tally>> tallies(Collection<String> bucketIds) {
        return backing.tallies(bucketIds);
    }

    @Override
    public Mono<Map<String, KeyIndex>> indexes(Collection<String> periods) {
        return backing.indexes(periods);
    }
}

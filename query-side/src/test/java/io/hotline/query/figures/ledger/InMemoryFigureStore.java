package io.hotline.query.figures.ledger;

import io.hotline.query.figures.buckets.BucketIncrement;
import io.hotline.query.figures.facts.CaseFacts;
import io.hotline.query.figures.facts.CaseFactsDocument;
import io.hotline.query.figures.buckets.KeyIndex;
import io.hotline.query.figures.buckets.Tally;
import org.bson.Document;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link FigureStore} in memory, behaving like {@link MongoFigureStore}: facts go through
 * {@link CaseFactsDocument} (so every test also round-trips the stored shape), buckets are added to in order
 * and stamped with the event's marker, a call whose first bucket is stamped already skips the stamped prefix,
 * and a failure can be injected in the middle of a write, as a crash would leave it.
 */
public final class InMemoryFigureStore implements FigureStore {

    private final Map<String, Document> facts = new TreeMap<>();
    private final Map<String, Tally> buckets = new TreeMap<>();
    private final Map<String, Object> markers = new TreeMap<>();
    private final Map<String, KeyIndex> keys = new TreeMap<>();
    private final List<Collection<String>> lookups = new ArrayList<>();
    private Map<String, String> tree;
    private Integer failAddAfter;
    private boolean failSave;
    private Integer failSavesAfter;

    /** The next {@link #add} updates only the first {@code buckets} buckets (all, if it has fewer), then fails. */
    public void failNextAddAfter(int buckets) {
        failAddAfter = buckets;
    }

    /** The next {@link #save} fails after the buckets were updated. */
    public void failNextSave() {
        failSave = true;
    }

    /** From now on, saving facts fails after {@code saves} more facts were saved; once. */
    public void failSavesAfter(int saves) {
        failSavesAfter = saves;
    }

    @Override
    public synchronized Mono<CaseFacts> facts(String caseId) {
        Document stored = facts.get(caseId);
        return stored == null ? Mono.empty() : Mono.just(CaseFactsDocument.read(stored));
    }

    @Override
    public synchronized Mono<Void> save(CaseFacts caseFacts) {
        if (failSave) {
            failSave = false;
            return Mono.error(new IllegalStateException("injected: the store went away before the facts were saved"));
        }
        if (failSavesAfter != null && failSavesAfter-- == 0) {
            failSavesAfter = null;
            return Mono.error(new IllegalStateException("injected: the store went away in the middle of the facts"));
        }
        facts.put(caseFacts.caseId, CaseFactsDocument.write(caseFacts));
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Integer> add(LinkedHashMap<String, Tally> deltas, String marker) {
        boolean interrupted = !deltas.isEmpty() && marker.equals(markers.get(deltas.keySet().iterator().next()));
        int applied = 0;
        int skipped = 0;
        for (Map.Entry<String, Tally> delta : deltas.entrySet()) {
            if (interrupted && marker.equals(markers.get(delta.getKey()))) {
                skipped++;
                continue;
            }
            if (failAddAfter != null && applied == failAddAfter) {
                failAddAfter = null;
                return Mono.error(new IllegalStateException("injected: crashed after " + applied + " buckets"));
            }
            buckets.computeIfAbsent(delta.getKey(), id -> Tally.empty()).plus(delta.getValue());
            markers.put(delta.getKey(), marker);
            applied++;
        }
        if (failAddAfter != null) {
            failAddAfter = null;
            return Mono.error(new IllegalStateException("injected: crashed after all " + applied + " buckets"));
        }
        return Mono.just(skipped);
    }

    @Override
    public synchronized Mono<Map<String, Long>> positions(Collection<String> bucketIds) {
        Map<String, Long> found = new TreeMap<>();
        bucketIds.forEach(id -> {
            if (markers.get(id) instanceof Long position) {
                found.put(id, position);
            }
        });
        return Mono.just(found);
    }

    @Override
    public synchronized Mono<Void> add(Collection<BucketIncrement> increments) {
        int applied = 0;
        for (BucketIncrement increment : increments) {
            if (failAddAfter != null && applied == failAddAfter) {
                failAddAfter = null;
                return Mono.error(new IllegalStateException("injected: crashed after " + applied + " buckets"));
            }
            buckets.computeIfAbsent(increment.bucket(), id -> Tally.empty()).plus(increment.sum());
            markers.put(increment.bucket(), increment.upTo());
            applied++;
        }
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Void> index(Collection<KeyIndex> additions) {
        additions.forEach(addition -> {
            KeyIndex merged = keys.getOrDefault(addition.period(), KeyIndex.empty(addition.period()));
            merged.addAll(addition);
            keys.put(addition.period(), merged);
        });
        return Mono.empty();
    }

    @Override
    public synchronized Mono<FigureTree> tree() {
        if (tree == null) {
            return Mono.empty();
        }
        FigureTree stored = new FigureTree();
        tree.forEach(stored::place);
        return Mono.just(stored);
    }

    @Override
    public synchronized Mono<Void> save(FigureTree saved) {
        tree = new LinkedHashMap<>(saved.parents());
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Map<String, Tally>> tallies(Collection<String> bucketIds) {
        lookups.add(List.copyOf(bucketIds));
        Map<String, Tally> found = new TreeMap<>();
        bucketIds.forEach(id -> {
            Tally tally = buckets.get(id);
            if (tally != null) {
                found.put(id, tally.copy());
            }
        });
        return Mono.just(found);
    }

    @Override
    public synchronized Mono<Map<String, KeyIndex>> indexes(Collection<String> periods) {
        Map<String, KeyIndex> found = new TreeMap<>();
        periods.forEach(period -> {
            KeyIndex index = keys.get(period);
            if (index != null) {
                found.put(period, index);
            }
        });
        return Mono.just(found);
    }

    /** Everything the figures consist of, for comparing two runs: buckets (empty ones left out), keys, facts. */
    public synchronized Snapshot snapshot() {
        Map<String, Tally> nonEmpty = new TreeMap<>();
        buckets.forEach((id, tally) -> {
            if (!tally.isZero()) {
                nonEmpty.put(id, tally.copy());
            }
        });
        return new Snapshot(nonEmpty, new TreeMap<>(keys), new TreeMap<>(facts),
                tree == null ? Map.of() : new TreeMap<>(tree));
    }

    /** The bucket ids of the last lookup. */
    public synchronized Collection<String> lastLookup() {
        return lookups.get(lookups.size() - 1);
    }

    public record Snapshot(Map<String, Tally> buckets, Map<String, KeyIndex> keys, Map<String, Document> facts,
                           Map<String, String> tree) {
    }
}

package io.hotline.query.figures.ledger;

import io.hotline.query.figures.buckets.BucketIncrement;
import io.hotline.query.figures.facts.CaseFacts;
import io.hotline.query.figures.facts.CaseFactsDocument;
import io.hotline.query.figures.buckets.Count;
import io.hotline.query.figures.buckets.KeyIndex;
import io.hotline.query.figures.buckets.Tally;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.hotline.query.readmodel.KeyWindows;
import io.hotline.query.readmodel.ReadModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * One generation of the figures in MongoDB, in three collections (the base names below, with the generation's
 * suffix, see {@link ReadModel#collection}):
 * <ul>
 *   <li>{@code case_figures}: one {@link CaseFactsDocument facts document} per case;</li>
 *   <li>{@code figure_buckets}: the pre-aggregated {@link Tally tallies}, {@code _id} as in {@link
 * io.hotline.query.figures.buckets.BucketIds},       one field per {@link Count} and the histogram under {@code h} (bin
 * number → count), plus {@code last},       what changed the bucket last: the log position of the last event a
 * processor batch added (a number,       see {@link FigureBatch}), or the marker of a single booked event (a
 * string);</li>   <li>{@code figure_keys}: the {@link KeyIndex key index} per period;</li>
 *   <li>{@code figure_tree}: one document, {@code _id} {@code tree}, the {@link FigureTree}: {@code units}, a list of
 *       {@code {u: code, p: parent}} (a list, as unit codes are not safe field names).</li>
 * </ul>
 * Every read is a lookup by {@code _id} (single or {@code $in}) and every write an update by {@code _id},
 * so the embedded store, which only indexes unique keys, never scans. Buckets change only by {@code $inc},
 * which keeps them right when several nodes or threads add to the same bucket. One event's bucket updates go
 * in one ordered bulk write, so an interruption leaves a stamped prefix that {@link #add} recognises by
 * reading the first bucket (one {@code _id} lookup per event); a batch's updates are recognised by their
 * positions, read in one {@code $in} lookup.
 * <p>
 * Which generation is asked on every operation: a projection's store names its own generation, the readers'
 * store the live one, which {@link io.hotline.query.readmodel.ReadModelGenerations} knows without a round trip.
 */
public class MongoFigureStore implements FigureStore {

    private static final String FACTS = FigureCollections.FACTS;
    private static final String BUCKETS = FigureCollections.BUCKETS;
    private static final String KEYS = FigureCollections.KEYS;
    private static final String TREE = FigureCollections.TREE;
    private static final String TREE_ID = "tree";
    private static final String LAST = "last";
    private static final String HISTOGRAM = "h";

    private final ReactiveMongoTemplate mongo;
    private final IntSupplier generation;

    public MongoFigureStore(ReactiveMongoTemplate mongo, IntSupplier generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    @Override
    public Mono<CaseFacts> facts(String caseId) {
        return collection(FACTS)
                .flatMap(facts -> Mono.from(facts.find(Filters.eq("_id", caseId)).first()))
                .map(CaseFactsDocument::read);
    }

    @Override
    public Mono<Void> save(CaseFacts facts) {
        return collection(FACTS)
                .flatMap(collection -> Mono.from(collection.replaceOne(Filters.eq("_id", facts.caseId),
                        CaseFactsDocument.write(facts), new ReplaceOptions().upsert(true))))
                .then();
    }

    @Override
    public Mono<Integer> add(LinkedHashMap<String, Tally> deltas, String marker) {
        if (deltas.isEmpty()) {
            return Mono.just(0);
        }
        String first = deltas.keySet().iterator().next();
        Mono<Set<String>> alreadyDone = find(BUCKETS, List.of(first))
                .filter(bucket -> marker.equals(bucket.get(LAST)))
                .hasElements()
                .flatMap(interrupted -> interrupted ? markedWith(deltas.keySet(), marker) : Mono.just(Set.<String>of()));
        return alreadyDone.flatMap(done -> {
            List<WriteModel<Document>> updates = new ArrayList<>();
            deltas.forEach((id, delta) -> {
                if (!done.contains(id)) {
                    updates.add(new UpdateOneModel<>(Filters.eq("_id", id), increment(delta, marker),
                            new UpdateOptions().upsert(true)));
                }
            });
            if (updates.isEmpty()) {
                return Mono.just(done.size());
            }
            return collection(BUCKETS)
                    .flatMap(buckets -> Mono.from(buckets.bulkWrite(updates, new BulkWriteOptions().ordered(true))))
                    .thenReturn(done.size());
        });
    }

    private Mono<Set<String>> markedWith(Collection<String> ids, String marker) {
        return find(BUCKETS, ids)
                .filter(bucket -> marker.equals(bucket.get(LAST)))
                .map(bucket -> bucket.getString("_id"))
                .collect(Collectors.toSet());
    }

    /** A batch's sum, with every field its events touched (zero where the sum nets out), and its position. */
    private static Document increment(BucketIncrement increment) {
        Map<String, Long> counts = increment.sum().nonZeroCounts();
        Map<Integer, Long> bins = increment.sum().bins();
        Document inc = new Document();
        increment.counts().forEach(count -> inc.append(count, counts.getOrDefault(count, 0L)));
        increment.bins().forEach(bin -> inc.append(HISTOGRAM + "." + bin, bins.getOrDefault(bin, 0L)));
        Document update = new Document("$set", new Document(LAST, increment.upTo()));
        return inc.isEmpty() ? update : update.append("$inc", inc);
    }

    private static Document increment(Tally delta, String marker) {
        Document inc = new Document();
        delta.nonZeroCounts().forEach(inc::append);
        delta.bins().forEach((bin, count) -> inc.append(HISTOGRAM + "." + bin, count));
        Document update = new Document("$set", new Document(LAST, marker));
        return inc.isEmpty() ? update : update.append("$inc", inc);
    }

    @Override
    public Mono<Map<String, Long>> positions(Collection<String> bucketIds) {
        return find(BUCKETS, bucketIds)
                .filter(bucket -> bucket.get(LAST) instanceof Number)
                .collectMap(bucket -> bucket.getString("_id"), bucket -> ((Number) bucket.get(LAST)).longValue(),
                        HashMap::new);
    }

    @Override
    public Mono<Void> add(Collection<BucketIncrement> increments) {
        if (increments.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> updates = increments.stream()
                .<WriteModel<Document>>map(increment -> new UpdateOneModel<>(Filters.eq("_id", increment.bucket()),
                        increment(increment), new UpdateOptions().upsert(true)))
                .toList();
        return collection(BUCKETS)
                .flatMap(buckets -> Mono.from(buckets.bulkWrite(updates, new BulkWriteOptions().ordered(true))))
                .then();
    }

    @Override
    public Mono<Map<String, CaseFacts>> facts(Collection<String> caseIds) {
        return find(FACTS, caseIds).map(CaseFactsDocument::read)
                .collectMap(facts -> facts.caseId, facts -> facts, LinkedHashMap::new);
    }

    @Override
    public Mono<Void> saveAll(Collection<CaseFacts> facts) {
        if (facts.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = facts.stream()
                .<WriteModel<Document>>map(each -> new ReplaceOneModel<>(Filters.eq("_id", each.caseId),
                        CaseFactsDocument.write(each), new ReplaceOptions().upsert(true)))
                .toList();
        return collection(FACTS)
                .flatMap(collection -> Mono.from(collection.bulkWrite(writes, new BulkWriteOptions().ordered(true))))
                .then();
    }

    @Override
    public Mono<Void> index(Collection<KeyIndex> additions) {
        if (additions.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> updates = additions.stream()
                .<WriteModel<Document>>map(index -> new UpdateOneModel<>(Filters.eq("_id", index.period()),
                        new Document("$addToSet", new Document()
                                .append("units", each(index.units()))
                                .append("categories", each(index.categories()))
                                .append("areas", each(index.areas()))
                                .append("subtrees", each(index.subtrees()))),
                        new UpdateOptions().upsert(true)))
                .toList();
        return collection(KEYS)
                .flatMap(keys -> Mono.from(keys.bulkWrite(updates, new BulkWriteOptions().ordered(false))))
                .then();
    }

    private static Document each(Set<String> values) {
        return new Document("$each", new ArrayList<>(values));
    }

    @Override
    public Mono<Map<String, Tally>> tallies(Collection<String> bucketIds) {
        return find(BUCKETS, bucketIds)
                .collectMap(bucket -> bucket.getString("_id"), MongoFigureStore::tally, HashMap::new);
    }

    static Tally tally(Document bucket) {
        Tally tally = Tally.empty();
        for (Count count : Count.values()) {
            Object value = bucket.get(count.field());
            if (value instanceof Number number) {
                tally.add(count, number.longValue());
            }
        }
        Document histogram = bucket.get(HISTOGRAM, Document.class);
        if (histogram != null) {
            histogram.forEach((bin, value) -> tally.addBin(Integer.parseInt(bin), ((Number) value).longValue()));
        }
        return tally;
    }

    @Override
    public Mono<Map<String, KeyIndex>> indexes(Collection<String> periods) {
        return find(KEYS, periods)
                .map(document -> new KeyIndex(document.getString("_id"), values(document, "units"),
                        values(document, "categories"), values(document, "areas"), values(document, "subtrees")))
                .collectMap(KeyIndex::period, index -> index, LinkedHashMap::new);
    }

    @Override
    public Mono<FigureTree> tree() {
        return find(TREE, List.of(TREE_ID)).next().map(document -> {
            FigureTree tree = new FigureTree();
            document.getList("units", Document.class).forEach(unit -> tree.place(unit.getString("u"),
                    unit.getString("p")));
            return tree;
        });
    }

    @Override
    public Mono<Void> save(FigureTree tree) {
        List<Document> units = new ArrayList<>();
        tree.parents().forEach((unit, parent) -> units.add(new Document("u", unit).append("p", parent)));
        return collection(TREE)
                .flatMap(collection -> Mono.from(collection.replaceOne(Filters.eq("_id", TREE_ID),
                        new Document("_id", TREE_ID).append("units", units), new ReplaceOptions().upsert(true))))
                .then();
    }

    private static Set<String> values(Document document, String key) {
        List<String> values = document.getList(key, String.class);
        return values == null ? new TreeSet<>() : new TreeSet<>(values);
    }

    private Flux<Document> find(String collectionName, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        List<List<String>> batches = KeyWindows.of(ids instanceof Set<?> ? ids : new TreeSet<>(ids));
        return collection(collectionName).flatMapMany(collection -> Flux.fromIterable(batches)
                .concatMap(batch -> Flux.from(collection.find(Filters.in("_id", batch)))));
    }

    private Mono<MongoCollection<Document>> collection(String base) {
        return mongo.getCollection(ReadModel.collection(base, generation.getAsInt()));
    }
}

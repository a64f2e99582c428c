package io.hotline.query.figures.ledger;

import io.hotline.query.figures.buckets.BucketIncrement;
import io.hotline.query.figures.facts.CaseFacts;
import io.hotline.query.figures.buckets.KeyIndex;
import io.hotline.query.figures.buckets.Tally;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where one generation of the figures lives: the per-case facts, the pre-aggregated buckets, the per-period
 * key index and the figures' copy of the unit tree. Every operation is a lookup or a write by {@code _id}. {@link MongoFigureStore} is the real one
 * (the readers' bean follows the live generation, each projection's is fixed to its own); tests use an
 * in-memory one.
 */
public interface FigureStore {

    /** The facts of a case, or empty when the case has not been seen. */
    Mono<CaseFacts> facts(String caseId);

    Mono<Void> save(CaseFacts facts);

    /**
     * Adds each tally to its bucket (creating it when missing), in the map's order, and stamps each bucket with
     * {@code marker}. Exactly once per marker: the updates are applied in order and stop at a failure, so an
     * interrupted call leaves a prefix of them done, each stamped; called again with the same marker and the
     * same buckets in the same order, it finds the first bucket stamped and skips the stamped prefix. A
     * marker must be used for one set of deltas only.
     *
     * @return how many buckets were skipped because an earlier, interrupted call had updated them
     */
    Mono<Integer> add(LinkedHashMap<String, Tally> deltas, String marker);

    /**
     * For each of these buckets that a batch has added to, the log position of the last event whose delta it
     * holds ({@link BucketIncrement#upTo}); other buckets are left out.
     */
    Mono<Map<String, Long>> positions(Collection<String> bucketIds);

    /**
     * Adds each increment's sum to its bucket (creating it when missing) and records its position there, both
     * in one update of that one bucket, so a bucket holds a batch's sum exactly when it shows its position.
     */
    Mono<Void> add(Collection<BucketIncrement> increments);

    /** The facts of these cases; cases not seen are left out. */
    default Mono<Map<String, CaseFacts>> facts(Collection<String> caseIds) {
        return Flux.fromIterable(caseIds).concatMap(this::facts)
                .collectMap(facts -> facts.caseId, Function.identity(), LinkedHashMap::new);
    }

    /** Saves these facts, each replacing the stored facts of its case. */
    default Mono<Void> saveAll(Collection<CaseFacts> facts) {
        return Flux.fromIterable(facts).concatMap(this::save).then();
    }

    /** Adds values to the key index documents (idempotent). */
    Mono<Void> index(Collection<KeyIndex> additions);

    /** The figures' copy of the unit tree; empty when no directory event was booked yet. */
    Mono<FigureTree> tree();

    /** Replaces the figures' copy of the unit tree. */
    Mono<Void> save(FigureTree tree);

    /** The buckets with these ids; ids without a bucket are left out. */
    Mono<Map<String, Tally>> tallies(Collection<String> bucketIds);

    /** The key index documents of these periods; periods without one are left out. */
    Mono<Map<String, KeyIndex>> indexes(Collection<String> periods);
}

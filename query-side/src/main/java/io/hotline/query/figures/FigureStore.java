package io.hotline.query.figures;

import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Map;

/**
 * Where the figures live: the per-case facts, the pre-aggregated buckets and the per-period key index. Every
 * operation is a lookup or a write by {@code _id}. {@link MongoFigureStore} is the real one; tests use an
 * in-memory one.
 */
interface FigureStore {

    /** The facts of a case, or empty when the case has not been seen. */
    Mono<CaseFacts> facts(String caseId);

    Mono<Void> save(CaseFacts facts);

    /**
     * Adds each tally to its bucket (creating it when missing) and stamps the bucket with {@code marker}.
     * With {@code skipMarked}, a bucket already stamped with {@code marker} is left alone: that is how an
     * event whose buckets were partly updated before a crash is finished without counting twice.
     */
    Mono<Void> add(Map<String, Tally> deltas, String marker, boolean skipMarked);

    /** Adds values to the key index documents (idempotent). */
    Mono<Void> index(Collection<KeyIndex> additions);

    /** The buckets with these ids; ids without a bucket are left out. */
    Mono<Map<String, Tally>> tallies(Collection<String> bucketIds);

    /** The key index documents of these periods; periods without one are left out. */
    Mono<Map<String, KeyIndex>> indexes(Collection<String> periods);

    /** Drops everything, before a replay rebuilds it. */
    Mono<Void> clear();
}

package io.hotline.query.caseview;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Every case view in the order its generation of the read model made them: the n-th view made has
 * {@link CaseView#listPosition() list position} n, and the list's length (how many places are taken) is one
 * document of its own. With the log replayed in order, a case's place is where its registration stands in the
 * log, the same in every rebuild.
 * <p>
 * Why: the search without filters (the search screen as it opens, newest first) is then "places n, n-1, ...",
 * a lookup on a unique index, where a sort over every view would read the whole collection on the embedded
 * store (it sorts in memory and uses only unique indexes). The list is trusted only while its length equals the
 * number of views; a generation made before the list existed has views without a place and is searched the
 * old way until it is rebuilt.
 */
public final class CaseList {

    /** The base name of the collection holding the list's length (one document). */
    public static final String COLLECTION = "case_list";
    /** The field of a case view holding its place. */
    public static final String POSITION = "listPosition";

    private static final String LENGTH_ID = "length";
    private static final String LENGTH = "length";

    private CaseList() {
    }

    /** The filter selecting the length document. */
    public static Document lengthKey() {
        return new Document("_id", LENGTH_ID);
    }

    /** The length document for a list with {@code length} places taken. */
    public static Document lengthDocument(long length) {
        return new Document("_id", LENGTH_ID).append(LENGTH, length);
    }

    /** The list's length as stored in {@code collection}; 0 when there is none (an empty or a pre-list generation). */
    public static Mono<Long> lengthIn(ReactiveMongoTemplate mongo, String collection) {
        return mongo.getCollection(collection)
                .flatMap(target -> Mono.from(target.find(lengthKey()).first()))
                .map(stored -> stored.get(LENGTH, Number.class).longValue())
                .defaultIfEmpty(0L);
    }
}

package io.hotline.query.audit.trail;

import io.hotline.query.audit.Listing;
import io.hotline.query.readmodel.MatchCount;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

/**
 * A page of an insert-only record of who did what ({@code at} on every entry), newest first, with the count of
 * every matching entry: the shape of the access trail and of the stored refusals alike.
 */
public final class NewestFirst {

    private NewestFirst() {
    }

    /** Adds the bounds of a period on {@code at}; either may be null. */
    public static void between(List<Criteria> all, Instant from, Instant to) {
        if (from != null) {
            all.add(Criteria.where("at").gte(Date.from(from)));
        }
        if (to != null) {
            all.add(Criteria.where("at").lt(Date.from(to)));
        }
    }

    /** Page {@code page} of {@code size} entries of {@code collection} matching all of {@code all}. */
    public static <T> Mono<Listing<T>> page(ReactiveMongoTemplate mongo, String collection, List<Criteria> all,
                                            int page, int size, Function<Document, T> entry) {
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all.toArray(Criteria[]::new));
        Query counting = Query.query(criteria);
        Query paging = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at"))
                .skip((long) page * size).limit(size);
        return Mono.zip(MatchCount.of(mongo, counting, Document.class, collection),
                        mongo.find(paging, Document.class, collection).collectList())
                .map(found -> Listing.of(found.getT2().stream().map(entry).toList(), page, size, found.getT1()));
    }
}

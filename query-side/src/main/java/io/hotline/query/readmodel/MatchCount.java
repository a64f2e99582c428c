package io.hotline.query.readmodel;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * How many documents of a collection match a query, asked with the {@code count} command. The driver's
 * {@code countDocuments} (what {@code ReactiveMongoTemplate.count} sends) is an aggregation, {@code $match} then
 * {@code $group}; the embedded store answers an aggregation by first copying out every document of the collection,
 * holding the collection's lock meanwhile, so three searches at once waited a second for each other with 10,000
 * case views (seen in a flight recording of the console's page-load test). Its {@code count} command runs the
 * filter like a find. A real MongoDB plans both alike, and {@code count} with a filter is exact there.
 */
public final class MatchCount {

    private MatchCount() {
    }

    /** The number of documents of {@code collection} matching {@code query}, its fields mapped as for {@code type}. */
    public static Mono<Long> of(ReactiveMongoTemplate mongo, Query query, Class<?> type, String collection) {
        Document filter = new QueryMapper(mongo.getConverter()).getMappedObject(query.getQueryObject(),
                mongo.getConverter().getMappingContext().getPersistentEntity(type));
        return mongo.executeCommand(new Document("count", collection).append("query", filter))
                .map(answer -> answer.get("n", Number.class).longValue());
    }
}

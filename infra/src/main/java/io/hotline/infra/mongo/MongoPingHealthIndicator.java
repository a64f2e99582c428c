package io.hotline.infra.mongo;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Store health by {@code ping}, which both MongoDB and the embedded server answer (Spring Boot's own indicator
 * sends {@code hello}, which the embedded server does not know, so it is switched off).
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase().flatMap(database -> mongo.executeCommand(new Document("ping", 1))
                .map(answer -> builder.up().withDetail("database", database.getName()).build()));
    }
}

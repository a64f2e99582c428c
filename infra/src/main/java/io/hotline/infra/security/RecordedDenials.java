package io.hotline.infra.security;

import io.hotline.query.audit.Listing;
import io.hotline.query.audit.RefusalRecorder;
import io.hotline.query.audit.trail.DeniedRequests;
import io.hotline.query.audit.trail.NewestFirst;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The audit tools' way to the refusals {@link AccessDenials} stores: their gate records its own refusals there,
 * and their access trail lists them. The tools declare what they need (the two ports); this is the only
 * code outside {@link AccessDenials} that knows how a refusal is stored.
 */
@Component
class RecordedDenials implements RefusalRecorder, DeniedRequests {

    private final AccessDenials denials;
    private final ReactiveMongoTemplate mongo;

    RecordedDenials(AccessDenials denials, ReactiveMongoTemplate mongo) {
        this.denials = denials;
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> record(ServerWebExchange exchange, String username, HttpStatus status, String reason) {
        return denials.record(exchange, username, status, reason);
    }

    @Override
    public Mono<Listing<Denial>> list(Instant from, Instant to, String user, Integer status, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        NewestFirst.between(all, from, to);
        if (user != null) {
            all.add(Criteria.where("username").is(user));
        }
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        return NewestFirst.page(mongo, AccessDenials.COLLECTION, all, page, size, RecordedDenials::denial);
    }

    private static Denial denial(Document stored) {
        Date at = stored.getDate("at");
        Number status = stored.get("status", Number.class);
        return new Denial(at == null ? null : at.toInstant(), stored.getString("username"),
                stored.getString("method"), stored.getString("path"), status == null ? 0 : status.intValue(),
                stored.getString("reason"));
    }
}

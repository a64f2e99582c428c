package io.hotline.infra.audit;

import io.hotline.infra.roles.Roles;
import io.hotline.kernel.cases.PersonalDataRevealed;
import io.hotline.kernel.common.Actor;
import io.hotline.query.readmodel.MatchCount;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The access trail (collection {@code access_trail}, insert only): every reveal of a citizen's personal data and
 * every export, with who, when, what and in which format, so an inspection can ask "who saw this person's
 * number" and "who took this case's file out" and get a complete answer. Nothing here updates or deletes.
 * <p>
 * Reveals arrive as events ({@link RevealRecorder}) and are stored under the event's id, so a replay of the log
 * stores each once. Exports are recorded before the document is handed over: an export whose record cannot be
 * stored is refused.
 */
@Component
@Conditional(Roles.QueryRole.class)
class AccessTrail {

    static final String COLLECTION = "access_trail";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(AccessTrail.class);

    private final ReactiveMongoTemplate mongo;

    AccessTrail(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records an export of one case's history. */
    Mono<Void> caseExported(Actor by, String caseId, String caseNumber, String format, Instant at) {
        return insert(new TrailEntry(UUID.randomUUID().toString(), TrailEntry.EXPORT, at, by.userId(), by.unitId(),
                by.standingInFor(), roles(by), "case-history", caseId, caseNumber, null, null, format, null));
    }

    /** Records an export of the units' bulletin for a period. */
    Mono<Void> bulletinExported(Actor by, LocalDate from, LocalDate to, String format, Instant at) {
        return insert(new TrailEntry(UUID.randomUUID().toString(), TrailEntry.EXPORT, at, by.userId(), by.unitId(),
                by.standingInFor(), roles(by), "unit-bulletin", null, null, from.toString(), to.toString(), format,
                null));
    }

    /**
     * Records a reveal; called from an event processor's thread, so it blocks until stored. Storing the same
     * event again (redelivery, replay) changes nothing.
     */
    void revealed(String eventId, PersonalDataRevealed event) {
        Actor by = event.actor();
        TrailEntry entry = new TrailEntry(eventId, TrailEntry.REVEAL, event.at(), by.userId(), by.unitId(),
                by.standingInFor(), roles(by), "personal-data", event.caseId(), null, null, null, null,
                event.reason());
        try {
            mongo.insert(entry.toDocument(), COLLECTION).block(WAIT);
        } catch (DuplicateKeyException alreadyRecorded) {
            log.debug("Reveal {} already in the access trail", eventId);
        }
    }

    /** Entries between {@code from} and {@code to} (either may be null), by or for {@code user}, on {@code caseId}. */
    Mono<Listing<TrailEntry>> list(Instant from, Instant to, String user, String caseId, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        between(all, from, to);
        if (user != null) {
            all.add(new Criteria().orOperator(Criteria.where("userId").is(user),
                    Criteria.where("standingInFor").is(user)));
        }
        if (caseId != null) {
            all.add(Criteria.where("caseId").is(caseId));
        }
        return page(all, page, size, COLLECTION).map(found -> Listing.of(
                found.documents().stream().map(TrailEntry::of).toList(), page, size, found.total()));
    }

    /** The refusals the security layer stored in {@code access_denials}, filtered alike. */
    Mono<Listing<Denial>> denials(Instant from, Instant to, String user, Integer status, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        between(all, from, to);
        if (user != null) {
            all.add(Criteria.where("username").is(user));
        }
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        return page(all, page, size, Denial.COLLECTION).map(found -> Listing.of(
                found.documents().stream().map(Denial::of).toList(), page, size, found.total()));
    }

    private Mono<Void> insert(TrailEntry entry) {
        return mongo.insert(entry.toDocument(), COLLECTION)
                .doOnSuccess(stored -> log.info("Access trail: {} {} {} by {}", entry.kind(), entry.subject(),
                        entry.caseId() != null ? entry.caseId() : entry.periodFrom() + ".." + entry.periodTo(),
                        entry.userId()))
                .then();
    }

    private static void between(List<Criteria> all, Instant from, Instant to) {
        if (from != null) {
            all.add(Criteria.where("at").gte(Date.from(from)));
        }
        if (to != null) {
            all.add(Criteria.where("at").lt(Date.from(to)));
        }
    }

    private record Found(List<Document> documents, long total) {
    }

    private Mono<Found> page(List<Criteria> all, int page, int size, String collection) {
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all.toArray(Criteria[]::new));
        Query counting = Query.query(criteria);
        Query paging = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at"))
                .skip((long) page * size).limit(size);
        return Mono.zip(MatchCount.of(mongo, counting, Document.class, collection),
                        mongo.find(paging, Document.class, collection).collectList())
                .map(found -> new Found(found.getT2(), found.getT1()));
    }

    private static List<String> roles(Actor actor) {
        return actor.roles().stream().map(Enum::name).sorted().toList();
    }

    /**
     * A refused request as {@code AccessDenials} stored it: user name, method, path (never a query string), status
     * and reason.
     */
    record Denial(Instant at, String username, String method, String path, int status, String reason) {

        static final String COLLECTION = "access_denials";

        static Denial of(Document stored) {
            Date at = stored.getDate("at");
            Number status = stored.get("status", Number.class);
            return new Denial(at == null ? null : at.toInstant(), stored.getString("username"),
                    stored.getString("method"), stored.getString("path"), status == null ? 0 : status.intValue(),
                    stored.getString("reason"));
        }
    }
}

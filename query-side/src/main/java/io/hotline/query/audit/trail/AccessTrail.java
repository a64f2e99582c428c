package io.hotline.query.audit.trail;

import io.hotline.kernel.cases.PersonalDataRevealed;
import io.hotline.kernel.common.Actor;
import io.hotline.query.audit.Listing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
public class AccessTrail {

    static final String COLLECTION = "access_trail";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(AccessTrail.class);

    private final ReactiveMongoTemplate mongo;
    private final DeniedRequests denied;

    AccessTrail(ReactiveMongoTemplate mongo, DeniedRequests denied) {
        this.mongo = mongo;
        this.denied = denied;
    }

    /** Records an export of one case's history. */
    public Mono<Void> caseExported(Actor by, String caseId, String caseNumber, String format, Instant at) {
        return insert(new TrailEntry(UUID.randomUUID().toString(), TrailEntry.EXPORT, at, by.userId(), by.unitId(),
                by.standingInFor(), roles(by), "case-history", caseId, caseNumber, null, null, format, null));
    }

    /** Records an export of the units' bulletin for a period. */
    public Mono<Void> bulletinExported(Actor by, LocalDate from, LocalDate to, String format, Instant at) {
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
        NewestFirst.between(all, from, to);
        if (user != null) {
            all.add(new Criteria().orOperator(Criteria.where("userId").is(user),
                    Criteria.where("standingInFor").is(user)));
        }
        if (caseId != null) {
            all.add(Criteria.where("caseId").is(caseId));
        }
        return NewestFirst.page(mongo, COLLECTION, all, page, size, TrailEntry::of);
    }

    /** The refusals the security layer stored, filtered alike. */
    Mono<Listing<DeniedRequests.Denial>> denials(Instant from, Instant to, String user, Integer status, int page,
                                                 int size) {
        return denied.list(from, to, user, status, page, size);
    }

    private Mono<Void> insert(TrailEntry entry) {
        return mongo.insert(entry.toDocument(), COLLECTION)
                .doOnSuccess(stored -> log.info("Access trail: {} {} {} by {}", entry.kind(), entry.subject(),
                        entry.caseId() != null ? entry.caseId() : entry.periodFrom() + ".." + entry.periodTo(),
                        entry.userId()))
                .then();
    }

    private static List<String> roles(Actor actor) {
        return actor.roles().stream().map(Enum::name).sorted().toList();
    }
}

package io.hotline.query.open311;

import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseDispatched;
import io.hotline.kernel.cases.CaseMerged;
import io.hotline.kernel.cases.CaseRedirected;
import io.hotline.kernel.cases.CaseReopened;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.CaseResolvedAtIntake;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.CaseWithdrawn;
import io.hotline.query.personal.FreeText;
import io.hotline.query.readmodel.BatchedWrites;
import io.hotline.query.readmodel.KeyWindows;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The updates of requests filed through Open311, as the {@code servicerequestupdates} extension (mySociety's, used
 * by FixMyStreet to pull what happened to its reports) lists them: one update per event that changes what the
 * citizen sees (dispatched, signed for, replied, closed, reopened, and the other ends of a case), keyed by the
 * event's id, with the status after it and a text for the citizen: the unit's reply, scrubbed of phone- and
 * ID-shaped numbers, or the state's note. Events of cases filed another way are skipped. Idempotent: an update is
 * an upsert by the event's id, and a day's list a set. Part of {@link Open311Projection}, which hands it every
 * event it has no handler of its own for, and its writes.
 * <p>
 * Which cases were filed through Open311: inside a processor batch, the requests stored before the batch (looked
 * up once, by key, a hundred at a time, when the batch's first update is to be recorded: a batch of registrations
 * alone asks nothing) and those registered in it; outside a batch, one lookup per event.
 */
class RequestUpdates {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final BatchedWrites writes;
    private final String requests;
    private final String updates;
    private final String updateDays;
    private final Set<String> filed = new HashSet<>();
    /** The open batch's cases, until they have been looked up (then null). */
    private Collection<String> toLookUp;

    RequestUpdates(ReactiveMongoTemplate mongo, BatchedWrites writes, String requests, String updates,
                   String updateDays) {
        this.mongo = mongo;
        this.writes = writes;
        this.requests = requests;
        this.updates = updates;
        this.updateDays = updateDays;
    }

    /** A batch begins with the events of these cases. */
    void begin(Collection<String> caseIds) {
        filed.clear();
        toLookUp = caseIds;
    }

    /** A case registered through Open311: in the open batch, remembered for the batch's later events. */
    void filed(String caseId) {
        if (writes.inBatch()) {
            filed.add(caseId);
        }
    }

    /** Records the update an event makes, if it makes one of a request filed through Open311. */
    void apply(Object event, String eventId) {
        if (event instanceof CaseDispatched e) {
            record(eventId, e.caseId(), CaseStatus.DISPATCHED, null, e.at());
        } else if (event instanceof CaseSignedFor e) {
            record(eventId, e.caseId(), CaseStatus.IN_HANDLING, null, e.at());
        } else if (event instanceof CaseReplied e) {
            record(eventId, e.caseId(), CaseStatus.REPLIED, e.text(), e.at());
        } else if (event instanceof CaseResolvedAtIntake e) {
            record(eventId, e.caseId(), CaseStatus.RESOLVED_AT_INTAKE, e.answer(), e.at());
        } else if (event instanceof CaseClosed e) {
            record(eventId, e.caseId(), CaseStatus.CLOSED, null, e.at());
        } else if (event instanceof CaseReopened e) {
            record(eventId, e.caseId(), CaseStatus.DISPATCHED, "重办 REOPENED: the case is being handled again", e.at());
        } else if (event instanceof CaseWithdrawn e) {
            record(eventId, e.caseId(), CaseStatus.WITHDRAWN, null, e.at());
        } else if (event instanceof CaseMerged e) {
            record(eventId, e.caseId(), CaseStatus.MERGED, null, e.at());
        } else if (event instanceof CaseRedirected e) {
            record(eventId, e.caseId(), CaseStatus.REDIRECTED, null, e.at());
        }
    }

    private void record(String eventId, String caseId, CaseStatus status, String text, Instant at) {
        boolean filedThroughOpen311 = writes.inBatch() ? filedInBatch(caseId)
                : Boolean.TRUE.equals(mongo.exists(byId(caseId), requests).block(WAIT));
        if (!filedThroughOpen311) {
            return;
        }
        String description = text != null && !text.isBlank() ? FreeText.scrubbed(text)
                : Open311Status.notes(status, null);
        Update update = new Update()
                .set("serviceRequestId", caseId)
                .set("status", Open311Status.of(status))
                .set("description", description)
                .set("updatedAt", at);
        writes.upsert(updates, byId(eventId), update);
        writes.upsert(updateDays, byId(Open311Collections.day(at)), new Update().addToSet("updates", eventId));
    }

    /** Whether a case of the open batch was filed through Open311: its cases are looked up when first asked. */
    private boolean filedInBatch(String caseId) {
        if (toLookUp != null) {
            for (List<String> window : KeyWindows.of(toLookUp)) {
                Query query = Query.query(Criteria.where("_id").in(window));
                query.fields().include("_id");
                List<Document> found = mongo.find(query, Document.class, requests).collectList().block(WAIT);
                found.forEach(request -> filed.add(request.getString("_id")));
            }
            toLookUp = null;
        }
        return filed.contains(caseId);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}

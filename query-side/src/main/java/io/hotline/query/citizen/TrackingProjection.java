package io.hotline.query.citizen;

import io.hotline.kernel.cases.*;
import io.hotline.query.personal.FreeText;
import io.hotline.query.readmodel.BatchedWrites;
import io.hotline.query.readmodel.WritesInBatches;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;

/**
 * Keeps one generation of the citizen's tracking model: the case number's lookup and, per case, what the citizen
 * may see. What is kept is chosen here, field by field, so nothing else can leak: the status, the category, the
 * steps the citizen is concerned by (accepted, with which unit, promised by when, materials asked of them, the
 * reply, their evaluation, reopening, the end) with units as codes, and the texts written for the citizen (the
 * reply, an answer at intake, a redirection) with anything shaped like a phone or ID number blanked. Never the
 * citizen's own details, the staff's names or notes, objections, supervision or deadline marks.
 *
 * <h2>Idempotent under redelivery and replay</h2>
 * Every write is an upsert by {@code _id}: a step is added to a set with the event's id inside it, so the same
 * event adds it once; every other field is set from the event to the same value again. A processor batch's writes
 * are stored together at its end ({@link BatchedWrites}), before the batch's token: no event is acknowledged before
 * its writes are stored.
 */
public class TrackingProjection implements WritesInBatches {

    private final BatchedWrites writes;
    private final String numbers;
    private final String tracks;

    TrackingProjection(ReactiveMongoTemplate mongo, String numbers, String tracks) {
        this.writes = new BatchedWrites(mongo);
        this.numbers = numbers;
        this.tracks = tracks;
    }

    @Override
    public BatchedWrites writes() {
        return writes;
    }

    @EventHandler
    public void on(CaseRegistered e, EventMessage<?> message) {
        writes.upsert(numbers, byId(e.caseNumber()), new Update().set("caseId", e.caseId()));
        step(e.caseId(), message, e.registeredAt(), "REGISTERED", null, null, new Update()
                .set("caseNumber", e.caseNumber())
                .set("category", e.category().name())
                .set("registeredAt", e.registeredAt())
                .set("status", CaseStatus.REGISTERED.name()));
    }

    @EventHandler
    public void on(CaseRedirected e, EventMessage<?> message) {
        step(e.caseId(), message, e.at(), "REDIRECTED", null, FreeText.scrubbed(e.explanation()),
                status(CaseStatus.REDIRECTED).set("redirectedTo", e.jurisdiction().name()));
    }

    @EventHandler
    public void on(CaseMerged e, EventMessage<?> message) {
        step(e.caseId(), message, e.at(), "MERGED", null, e.intoCaseNumber(), status(CaseStatus.MERGED));
    }

    @EventHandler
    public void on(CaseResolvedAtIntake e, EventMessage<?> message) {
        String answer = FreeText.scrubbed(e.answer());
        step(e.caseId(), message, e.at(), "RESOLVED_AT_INTAKE", null, answer,
                status(CaseStatus.RESOLVED_AT_INTAKE).set("reply", reply(e.at(), null, null, answer)).set("invitedAt", e.at())
                        .set("awaitingEvaluation", true));
    }

    @EventHandler
    public void on(CaseDispatched e, EventMessage<?> message) {
        step(e.caseId(), message, e.at(), "DISPATCHED", e.leadUnit(), null, status(CaseStatus.DISPATCHED));
    }

    @EventHandler
    public void on(CaseRedispatched e, EventMessage<?> message) {
        step(e.caseId(), message, e.at(), "HANDED_ON", e.leadUnit(), null, status(CaseStatus.DISPATCHED));
    }

    @EventHandler
    public void on(LeadUnitDesignated e, EventMessage<?> message) {
        Update update = e.signForDeadline() == null ? new Update() : status(CaseStatus.DISPATCHED);
        step(e.caseId(), message, e.at(), "HANDED_ON", e.leadUnit(), null, update);
    }

    @EventHandler
    public void on(CaseTransferred e, EventMessage<?> message) {
        step(e.caseId(), message, e.at(), "HANDED_ON", e.toUnit(), null, status(CaseStatus.DISPATCHED));
    }

    @EventHandler
    public void on(CaseSignedFor e, EventMessage<?> message) {
        Instant due = e.completionDeadline() == null ? null : e.completionDeadline().due();
        step(e.caseId(), message, e.at(), "SIGNED_FOR", e.unit(), null, status(CaseStatus.IN_HANDLING).set("due", due),
                due);
    }

    /** 一次性告知: the items are written for the citizen, who has to bring them. */
    @EventHandler
    public void on(MaterialsRequested e, EventMessage<?> message) {
        String items = String.join("；", e.items().stream().map(FreeText::scrubbed).toList());
        step(e.caseId(), message, e.at(), "MATERIALS_REQUESTED", e.unit(), items, new Update());
    }

    @EventHandler
    public void on(ExtensionApproved e, EventMessage<?> message) {
        Instant due = e.completionDeadline() == null ? null : e.completionDeadline().due();
        step(e.caseId(), message, e.at(), "EXTENDED", null, null, new Update().set("due", due), due);
    }

    @EventHandler
    public void on(CaseReplied e, EventMessage<?> message) {
        String text = FreeText.scrubbed(e.text());
        step(e.caseId(), message, e.at(), "REPLIED", e.unit(), text, status(CaseStatus.REPLIED)
                .set("reply", reply(e.at(), e.unit(), e.result(), text)).set("invitedAt", e.at())
                .set("awaitingEvaluation", true).unset("evaluation"));
    }

    /** The evaluation by any channel; its level stays with the staff, the citizen is told it was recorded. */
    @EventHandler
    public void on(FeedbackRecorded e, EventMessage<?> message) {
        step(e.caseId(), message, e.at(), "EVALUATED", null, e.channel().name(), new Update()
                .set("awaitingEvaluation", false)
                .set("evaluation", new Document("at", e.at()).append("channel", e.channel().name())));
    }

    @EventHandler
    public void on(CaseReopened e, EventMessage<?> message) {
        CaseStatus status = e.leadUnit() == null ? CaseStatus.REGISTERED : CaseStatus.IN_HANDLING;
        Instant due = e.completionDeadline() == null ? null : e.completionDeadline().due();
        step(e.caseId(), message, e.at(), "REOPENED", e.leadUnit(), null, status(status)
                .set("awaitingEvaluation", false).set("due", due), due);
    }

    @EventHandler
    public void on(CaseClosed e, EventMessage<?> message) {
        step(e.caseId(), message, e.at(), "CLOSED", null, null, status(CaseStatus.CLOSED).set("awaitingEvaluation", false));
    }

    @EventHandler
    public void on(CaseWithdrawn e, EventMessage<?> message) {
        step(e.caseId(), message, e.at(), "WITHDRAWN", null, null,
                status(CaseStatus.WITHDRAWN).set("awaitingEvaluation", false));
    }

    private void step(String caseId, EventMessage<?> message, Instant at, String kind, String unit, String text,
                      Update update) {
        step(caseId, message, at, kind, unit, text, update, null);
    }

    private void step(String caseId, EventMessage<?> message, Instant at, String kind, String unit, String text,
                      Update update, Instant due) {
        Document step = new Document("id", message.getIdentifier()).append("at", at).append("kind", kind)
                .append("unit", unit).append("text", text).append("due", due);
        writes.upsert(tracks, byId(caseId), update.addToSet("steps", step).set("changedAt", at));
    }

    private static Update status(CaseStatus status) {
        return new Update().set("status", status.name());
    }

    private static Document reply(Instant at, String unit, ReplyResult result, String text) {
        return new Document("at", at).append("unit", unit).append("result", result == null ? null : result.name())
                .append("text", text);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}

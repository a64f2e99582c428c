package io.hotline.query.callbacks;

import io.hotline.kernel.cases.*;
import io.hotline.query.readmodel.BatchedWrites;
import io.hotline.query.readmodel.WritesInBatches;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;

/**
 * Keeps one generation of the call-back list (电话回访): a reply, or an answer at intake, puts the case on it with
 * the reply's gist and time; an evaluation by any channel (phone, SMS, web, on site), reopening, closing,
 * withdrawal or merging takes it off. Idempotent: an upsert or a delete by {@code _id}, the same for the same event
 * however often it comes. A processor batch's writes are stored together at its end ({@link BatchedWrites}), before
 * the batch's token.
 */
public class CallBackProjection implements WritesInBatches {

    /** Enough of the reply to recall it on the phone; the case page has the rest. */
    static final int GIST = 120;
    private final BatchedWrites writes;
    private final String callBacks;

    CallBackProjection(ReactiveMongoTemplate mongo, String callBacks) {
        this.writes = new BatchedWrites(mongo);
        this.callBacks = callBacks;
    }

    @Override
    public BatchedWrites writes() {
        return writes;
    }

    @EventHandler
    public void on(CaseReplied e) {
        awaiting(e.caseId(), e.at(), e.unit(), e.result(), e.text());
    }

    @EventHandler
    public void on(CaseResolvedAtIntake e) {
        awaiting(e.caseId(), e.at(), null, null, e.answer());
    }

    @EventHandler
    public void on(FeedbackRecorded e) {
        leave(e.caseId());
    }

    @EventHandler
    public void on(CaseReopened e) {
        leave(e.caseId());
    }

    @EventHandler
    public void on(CaseClosed e) {
        leave(e.caseId());
    }

    @EventHandler
    public void on(CaseWithdrawn e) {
        leave(e.caseId());
    }

    @EventHandler
    public void on(CaseMerged e) {
        leave(e.caseId());
    }

    private void awaiting(String caseId, Instant at, String unit, ReplyResult result, String text) {
        Update update = new Update().set("repliedAt", at).set("unit", unit)
                .set("result", result == null ? null : result.name()).set("gist", gist(text));
        writes.upsert(callBacks, byId(caseId), update);
    }

    private void leave(String caseId) {
        writes.remove(callBacks, byId(caseId));
    }

    static String gist(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= GIST ? flat : flat.substring(0, GIST) + "…";
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}

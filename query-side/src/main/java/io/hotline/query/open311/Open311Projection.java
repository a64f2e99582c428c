package io.hotline.query.open311;

import io.hotline.kernel.cases.CaseLocated;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.common.Channel;
import io.hotline.query.readmodel.BatchedWrites;
import io.hotline.query.readmodel.ProjectionBatch;
import io.hotline.query.readmodel.WritesInBatches;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;

/**
 * Keeps one generation of the Open311 read model: for every case registered through Open311, its record, its
 * place in its day's list and its case number as a token. Cases from other channels are not listed: their
 * descriptions were given to an operator, not published by a reporting app, and stay out of a public API.
 *
 * <h2>Idempotent under redelivery and replay</h2>
 * Every write is an upsert by {@code _id} that sets the same values from the same event ({@code $set}, and
 * {@code $addToSet} for a day's list), so applying an event twice leaves the documents as once. The registration
 * writes only the fields it knows, and the location only its own, so the two events may be applied again in
 * any number without undoing each other. A processor batch's writes are stored together at its end
 * ({@link BatchedWrites}), before the batch's token: no event is acknowledged before its writes are stored.
 */
public class Open311Projection implements WritesInBatches {

    private final BatchedWrites writes;
    private final String requests;
    private final String days;
    private final String tokens;
    private final RequestUpdates updates;

    Open311Projection(BatchedWrites writes, String requests, String days, String tokens, RequestUpdates updates) {
        this.writes = writes;
        this.requests = requests;
        this.days = days;
        this.tokens = tokens;
        this.updates = updates;
    }

    @Override
    public BatchedWrites writes() {
        return writes;
    }

    /** Also hands the batch's cases to {@link RequestUpdates}: it looks them up once, if it has an update to record. */
    @Override
    public void begin(List<? extends EventMessage<?>> events) {
        writes.begin();
        updates.begin(ProjectionBatch.aggregates(events));
    }

    @EventHandler
    public void on(CaseRegistered event) {
        if (event.channel() != Channel.OPEN311) {
            return;
        }
        Update registration = new Update()
                .set("caseNumber", event.caseNumber())
                .set("category", event.category())
                .set("description", event.content())
                .set("requestedAt", event.registeredAt());
        writes.upsert(requests, byId(event.caseId()), registration);
        writes.upsert(tokens, byId(event.caseNumber()), new Update().set("caseId", event.caseId()));
        writes.upsert(days, byId(Open311Collections.day(event.registeredAt())),
                new Update().addToSet("requests", event.caseId()));
        updates.filed(event.caseId());
    }

    /** Only for requests this model holds: a place recorded on a case from another channel is not published. */
    @EventHandler
    public void on(CaseLocated event) {
        Update located = new Update().set("mediaUrl", event.mediaUrl()).set("mediaUrls", event.mediaUrls());
        if (event.location() != null) {
            located.set("latitude", event.location().latitude())
                    .set("longitude", event.location().longitude())
                    .set("address", event.location().address())
                    .set("addressId", event.location().addressId());
        }
        writes.updateFirst(requests, byId(event.caseId()), located);
    }

    /** Every other event: the updates of the requests this model holds ({@link RequestUpdates}). */
    @EventHandler
    public void on(Object event, EventMessage<?> message) {
        updates.apply(event, message.getIdentifier());
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}

package io.hotline.command.deadlines;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * The watch's shared state, one document: which node holds the lease, until when, and the last minute whose
 * checks were all sent. Several nodes may run the watch; the lease lets one at a time do it, and since the case
 * raises each mark once, a check sent twice after a hand-over still changes nothing.
 */
@Component
class DeadlineWatchState {

    private static final String ID = "deadline-watch";

    private final MongoCollection<Document> watch;
    private final Clock clock;

    DeadlineWatchState(MongoDatabaseFactory mongo, Clock clock) {
        this.watch = mongo.getMongoDatabase().getCollection("deadline_watch");
        this.clock = clock;
    }

    /** Takes or renews the lease for {@code node}; empty when another node holds a lease that has not run out. */
    Optional<Instant> claim(String node, Duration lease) {
        Instant now = clock.instant();
        Document current = watch.find(Filters.eq("_id", ID)).first();
        if (current == null) {
            Instant start = now.truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
            watch.updateOne(Filters.eq("_id", ID), Updates.combine(
                    Updates.setOnInsert("doneUpTo", Date.from(start)), Updates.setOnInsert("version", 0L)),
                    new UpdateOptions().upsert(true));
            current = watch.find(Filters.eq("_id", ID)).first();
        }
        boolean free = current.get("owner") == null || node.equals(current.getString("owner"))
                || current.getDate("leaseUntil").toInstant().isBefore(now);
        if (!free) {
            return Optional.empty();
        }
        long version = current.getLong("version");
        Document claimed = watch.findOneAndUpdate(Filters.and(Filters.eq("_id", ID), Filters.eq("version", version)),
                Updates.combine(Updates.set("owner", node), Updates.set("leaseUntil", Date.from(now.plus(lease))),
                        Updates.set("version", version + 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return claimed == null ? Optional.empty() : Optional.of(claimed.getDate("doneUpTo").toInstant());
    }

    void markDone(String node, Instant minute) {
        watch.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("owner", node)),
                Updates.max("doneUpTo", Date.from(minute)));
    }

    /** The first minute the watch has not yet looked at; checks due earlier are filed there. */
    Instant nextMinuteToWatch() {
        Document current = watch.find(Filters.eq("_id", ID)).first();
        if (current == null) {
            return Instant.EPOCH;
        }
        return current.getDate("doneUpTo").toInstant().plus(1, ChronoUnit.MINUTES);
    }
}

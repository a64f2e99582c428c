package io.hotline.command.deadlines;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The schedule of deadline checks, one document per minute ({@code _id} = the UTC minute, e.g.
 * {@code 202611230105}) listing which case deadlines need a look in that minute. Minute keys make every read
 * and write a unique-key lookup, however many cases the store holds; {@code $addToSet} makes adding the same
 * check twice harmless, so the schedule can be rebuilt from the events at any time.
 */
@Component
class DeadlineBuckets {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    private final MongoCollection<Document> buckets;

    DeadlineBuckets(MongoDatabaseFactory mongo) {
        this.buckets = mongo.getMongoDatabase().getCollection("deadline_buckets");
    }

    /** Schedules a look at the warning time and at the due time of the deadline. */
    void schedule(String caseId, Deadline deadline, Instant notBefore) {
        Document check = check(caseId, deadline.kind(), deadline.due());
        add(minuteOf(deadline.warnAt(), notBefore), check);
        add(minuteOf(deadline.due(), notBefore), check);
    }

    List<Document> checksIn(Instant minute) {
        Document bucket = buckets.find(Filters.eq("_id", MINUTE.format(minute))).first();
        return bucket == null ? List.of() : bucket.getList("checks", Document.class);
    }

    private void add(Instant minute, Document check) {
        buckets.updateOne(Filters.eq("_id", MINUTE.format(minute)), Updates.addToSet("checks", check),
                new UpdateOptions().upsert(true));
    }

    /**
     * A check is filed under the minute it becomes due, or, if the watch has already passed that minute (a
     * deadline in the past, the schedule being rebuilt), under the watch's next minute, so it is never missed.
     */
    private static Instant minuteOf(Instant at, Instant notBefore) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        return minute.isBefore(notBefore) ? notBefore : minute;
    }

    static Document check(String caseId, DeadlineKind kind, Instant due) {
        return new Document("caseId", caseId).append("kind", kind.name()).append("due", due.toString());
    }
}

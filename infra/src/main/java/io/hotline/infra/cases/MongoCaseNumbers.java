package io.hotline.infra.cases;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.hotline.command.cases.CaseNumbers;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static com.mongodb.client.model.Filters.eq;

/**
 * Case numbers from one counter document per local day ({@code _id: "case-number:20261122"}), incremented
 * atomically, so numbers are unique and increasing within a day across every node.
 */
@Component
class MongoCaseNumbers implements CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoCollection<Document> counters;
    private final ZoneId zone;

    MongoCaseNumbers(MongoDatabaseFactory mongo, ZoneId zone) {
        this.counters = mongo.getMongoDatabase().getCollection("counters");
        this.zone = zone;
    }

    @Override
    public String next(Instant registeredAt) {
        String day = LocalDate.ofInstant(registeredAt, zone).format(DAY);
        Document counter = counters.findOneAndUpdate(eq("_id", "case-number:" + day), Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return "%s-%06d".formatted(day, counter.getLong("last"));
    }
}

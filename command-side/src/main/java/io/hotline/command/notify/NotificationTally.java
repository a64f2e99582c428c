package io.hotline.command.notify;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.hotline.kernel.citizen.NotificationChannel;
import io.hotline.kernel.citizen.NotificationOutcome;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * The notifications' outcomes counted since the start, by channel, template and outcome, for the dashboard
 * ({@code citizen_notification_figures}, one small document per combination, incremented by its key): a read is a
 * few dozen documents, never a count over the ledger. Prometheus has the same counts per node since its start.
 */
class NotificationTally {

    static final String COLLECTION = "citizen_notification_figures";

    private final MongoCollection<Document> figures;

    NotificationTally(MongoDatabase database) {
        this.figures = database.getCollection(COLLECTION);
    }

    void increment(NotificationChannel channel, String template, NotificationOutcome outcome) {
        String key = channel.name() + ":" + template + ":" + outcome.name();
        figures.updateOne(Filters.eq("_id", key), Updates.combine(Updates.inc("count", 1L),
                        Updates.set("channel", channel.name()), Updates.set("template", template),
                        Updates.set("outcome", outcome.name())),
                new UpdateOptions().upsert(true));
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        figures.find().forEach(d -> rows.add(new Row(d.getString("channel"), d.getString("template"),
                d.getString("outcome"), ((Number) d.get("count")).longValue())));
        rows.sort(java.util.Comparator.comparing(Row::channel).thenComparing(Row::template).thenComparing(Row::outcome));
        return rows;
    }

    /** One combination and how many notifications ended so. */
    record Row(String channel, String template, String outcome, long count) {
    }
}

package io.hotline.command.notify;

import io.hotline.kernel.citizen.NotificationChannel;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message to the citizen as the outbox keeps it: which case, which channel, which template, and the template's
 * parameters. It holds no address and no rendered text: the phone or email is opened, and the text (with the
 * query code, which is never stored) rendered, only when it is sent. The parameters hold nothing personal: the
 * case number, the reply's gist scrubbed of numbers, the items asked for.
 *
 * @param id      deterministic (the event's id and the channel), so a replayed event stores nothing twice
 * @param urgent  an emergency: sent even in quiet hours
 */
record Notification(String id, String caseId, String caseNumber, NotificationChannel channel,
                    NotificationTemplate template, boolean urgent, Map<String, String> parameters, Instant createdAt) {

    Notification {
        parameters = Map.copyOf(parameters);
    }

    static String idOf(String sourceId, NotificationChannel channel) {
        return sourceId + ":" + channel.name().toLowerCase();
    }

    Document toDocument() {
        return new Document("_id", id)
                .append("caseId", caseId)
                .append("caseNumber", caseNumber)
                .append("channel", channel.name())
                .append("template", template.name())
                .append("urgent", urgent)
                .append("parameters", new Document(new LinkedHashMap<>(parameters)))
                .append("createdAt", Date.from(createdAt));
    }

    static Notification of(Document document) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Document stored = document.get("parameters", Document.class);
        if (stored != null) {
            stored.forEach((key, value) -> parameters.put(key, String.valueOf(value)));
        }
        return new Notification(document.getString("_id"), document.getString("caseId"),
                document.getString("caseNumber"), NotificationChannel.valueOf(document.getString("channel")),
                NotificationTemplate.valueOf(document.getString("template")), document.getBoolean("urgent", false),
                parameters, document.getDate("createdAt").toInstant());
    }
}

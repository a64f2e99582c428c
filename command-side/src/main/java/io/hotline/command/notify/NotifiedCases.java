package io.hotline.command.notify;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.citizen.NotificationChannel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Urgency;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the notifications need to know about a case, from its registration ({@code citizen_notification_cases},
 * keyed by case id): its number, its urgency, and which channels its citizen can be reached by. Flags only: the
 * phone and the address stay sealed in the log until a message is sent.
 */
class NotifiedCases {

    static final String COLLECTION = "citizen_notification_cases";

    private final MongoCollection<Document> cases;

    NotifiedCases(MongoDatabase database) {
        this.cases = database.getCollection(COLLECTION);
    }

    NotifiedCase remember(CaseRegistered event) {
        Citizen citizen = event.citizen();
        List<NotificationChannel> channels = new ArrayList<>();
        if (citizen != null && present(citizen.phone())) {
            channels.add(NotificationChannel.SMS);
        }
        if (citizen != null && present(citizen.email())) {
            channels.add(NotificationChannel.EMAIL);
        }
        NotifiedCase notified = new NotifiedCase(event.caseId(), event.caseNumber(), event.urgency(), channels);
        cases.replaceOne(Filters.eq("_id", event.caseId()), new Document("_id", event.caseId())
                .append("caseNumber", event.caseNumber())
                .append("urgency", event.urgency() == null ? null : event.urgency().name())
                .append("channels", channels.stream().map(Enum::name).toList()), new ReplaceOptions().upsert(true));
        return notified;
    }

    Optional<NotifiedCase> find(String caseId) {
        Document found = cases.find(Filters.eq("_id", caseId)).first();
        if (found == null) {
            return Optional.empty();
        }
        String urgency = found.getString("urgency");
        return Optional.of(new NotifiedCase(caseId, found.getString("caseNumber"),
                urgency == null ? Urgency.NORMAL : Urgency.valueOf(urgency),
                found.getList("channels", String.class, List.of()).stream().map(NotificationChannel::valueOf).toList()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    record NotifiedCase(String caseId, String caseNumber, Urgency urgency, List<NotificationChannel> channels) {
    }
}

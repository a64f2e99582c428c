package io.hotline.query.audit.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.common.Actor;
import io.hotline.query.audit.PersonalDataScrub;
import io.hotline.query.audit.log.EventLog;
import io.hotline.query.audit.log.LoggedEvent;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A case's history in the auditor's words: every event in order with who acted (and for whom), the correlation
 * ids, the stored payload, the seal and a sentence. Paged, because a long-running case under supervision can
 * collect hundreds of events.
 */
@Component
class CaseHistory {

    static final String CORRELATION_ID = "correlationId";
    static final String TRACE_ID = "traceId";

    private final EventLog log;
    private final Sentences sentences;
    private final ObjectMapper json;

    CaseHistory(EventLog log, ObjectMapper json, ZoneId zone) {
        this.log = log;
        this.json = json;
        this.sentences = new Sentences(zone);
    }

    /** One page ({@code page} from 0) of {@code size} events; empty when the case does not exist. */
    Optional<HistoryPage> page(String caseId, int page, int size) {
        long total = log.size(caseId);
        if (total == 0) {
            return Optional.empty();
        }
        String number = caseNumber(caseId);
        long from = (long) page * size;
        List<HistoryEntry> entries = from >= total ? List.of()
                : log.read(caseId, from, size).stream().map(event -> entry(event, number)).toList();
        return Optional.of(new HistoryPage(caseId, number, page, size, total, (total + size - 1) / size, entries));
    }

    /** The whole history, for exports; empty when the case does not exist. */
    Optional<List<HistoryEntry>> all(String caseId) {
        List<LoggedEvent> events = log.all(caseId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        String number = events.get(0).payload() instanceof CaseRegistered registered ? registered.caseNumber() : null;
        return Optional.of(events.stream().map(event -> entry(event, number)).toList());
    }

    boolean exists(String caseId) {
        return log.size(caseId) > 0;
    }

    String caseNumber(String caseId) {
        return log.read(caseId, 0, 1).stream()
                .map(LoggedEvent::payload)
                .filter(CaseRegistered.class::isInstance)
                .map(registered -> ((CaseRegistered) registered).caseNumber())
                .findFirst().orElse(null);
    }

    private HistoryEntry entry(LoggedEvent event, String number) {
        Actor actor = event.actor();
        Object payload = event.payload();
        JsonNode stored = stored(event.storedPayload());
        return new HistoryEntry(event.sequenceNumber(), event.position(), event.eventId(),
                payload == null ? event.payloadType().getSimpleName() : payload.getClass().getSimpleName(),
                event.at(), event.storedAt(),
                actor == null ? null : actor.userId(), actor == null ? null : actor.unitId(),
                actor == null ? null : actor.standingInFor(),
                actor == null ? List.of() : actor.roles().stream().map(Enum::name).sorted().toList(),
                event.metaData(CORRELATION_ID), event.metaData(TRACE_ID), PersonalDataScrub.payload(stored),
                PersonalDataScrub.masksCitizen(stored) ? PersonalDataScrub.MASKED_FIELDS : List.of(),
                event.metaData(LoggedEvent.HASH), event.metaData(LoggedEvent.PREVIOUS_HASH),
                sentences.of(payload, number));
    }

    private JsonNode stored(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payload is not valid JSON", e);
        }
    }
}

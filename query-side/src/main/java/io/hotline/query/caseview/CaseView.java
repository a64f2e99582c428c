package io.hotline.query.caseview;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * The case as operators and units read it. Disposable: rebuilt from the event log at will.
 * {@code version} is the sequence number of the last event applied; an event at or below it was seen
 * already, which makes the projection idempotent under redelivery and replay.
 */
@Document("case_view")
public record CaseView(
        @Id String caseId,
        String caseNumber,
        String requestId,
        String status,
        Channel channel,
        Category category,
        Urgency urgency,
        String title,
        String content,
        String citizenName,
        String citizenPhone,
        String area,
        String registeredBy,
        String registeredByUnit,
        Instant registeredAt,
        long version) {
}

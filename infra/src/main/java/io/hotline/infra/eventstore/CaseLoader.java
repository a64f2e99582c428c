package io.hotline.infra.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.hotline.infra.eventstore.CommitLog.AGGREGATE_TYPE;
import static io.hotline.infra.eventstore.CommitLog.EVENT_ID;
import static io.hotline.infra.eventstore.CommitLog.META_DATA;
import static io.hotline.infra.eventstore.CommitLog.PAYLOAD;
import static io.hotline.infra.eventstore.CommitLog.PAYLOAD_REVISION;
import static io.hotline.infra.eventstore.CommitLog.PAYLOAD_TYPE;
import static io.hotline.infra.eventstore.CommitLog.POSITION;
import static io.hotline.infra.eventstore.CommitLog.SEQ;
import static io.hotline.infra.eventstore.CommitLog.TIMESTAMP;

/**
 * Loads a case: its events from a sequence number on, following its commits by the unique key
 * {@code (aggregateId, firstSeq)} (never a scan), and its latest snapshot, one document per case.
 */
final class CaseLoader {

    private final CommitLog log;

    CaseLoader(CommitLog log) {
        this.log = log;
    }

    /** The case's events from {@code firstSequenceNumber} on, whole commits at a time, at least {@code batchSize}. */
    List<? extends DomainEventData<?>> events(String caseId, long firstSequenceNumber, int batchSize) {
        Document commit = log.commitStartingAt(caseId, firstSequenceNumber);
        if (commit == null && firstSequenceNumber > 0) {
            // Asked for a sequence number inside a commit (rare: a snapshot taken mid-commit): walk from the start.
            commit = log.commitStartingAt(caseId, 0);
        }
        List<DomainEventData<?>> result = new ArrayList<>();
        while (commit != null && result.size() < batchSize) {
            for (Document event : CommitLog.events(commit)) {
                if (event.get(SEQ, Number.class).longValue() >= firstSequenceNumber) {
                    result.add(StoredEvents.eventData(commit, event));
                }
            }
            commit = log.commitStartingAt(caseId, CommitLog.lastSeq(commit) + 1);
        }
        return result;
    }

    Optional<Long> lastSequenceNumber(String caseId) {
        Long last = null;
        Document commit = log.commitStartingAt(caseId, 0);
        while (commit != null) {
            last = CommitLog.lastSeq(commit);
            commit = log.commitStartingAt(caseId, last + 1);
        }
        return Optional.ofNullable(last);
    }

    void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document document = new Document(POSITION, snapshot.getAggregateIdentifier())
                .append(AGGREGATE_TYPE, snapshot.getType())
                .append(SEQ, snapshot.getSequenceNumber())
                .append(EVENT_ID, snapshot.getIdentifier())
                .append(TIMESTAMP, snapshot.getTimestamp().toString())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData());
        log.snapshots().replaceOne(Filters.eq(POSITION, snapshot.getAggregateIdentifier()), document,
                new ReplaceOptions().upsert(true));
    }

    Stream<? extends DomainEventData<?>> snapshot(String caseId) {
        Document snapshot = log.snapshots().find(Filters.eq(POSITION, caseId)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(snapshot.getString(AGGREGATE_TYPE), caseId,
                snapshot.getLong(SEQ), snapshot.getString(EVENT_ID), snapshot.getString(TIMESTAMP),
                snapshot.getString(PAYLOAD_TYPE), snapshot.getString(PAYLOAD_REVISION),
                snapshot.getString(PAYLOAD), snapshot.getString(META_DATA)));
    }
}

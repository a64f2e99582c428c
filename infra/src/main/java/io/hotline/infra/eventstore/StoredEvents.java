package io.hotline.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.time.Instant;

import static io.hotline.infra.eventstore.CommitLog.AGGREGATE_ID;
import static io.hotline.infra.eventstore.CommitLog.AGGREGATE_TYPE;
import static io.hotline.infra.eventstore.CommitLog.EVENT_ID;
import static io.hotline.infra.eventstore.CommitLog.META_DATA;
import static io.hotline.infra.eventstore.CommitLog.PAYLOAD;
import static io.hotline.infra.eventstore.CommitLog.PAYLOAD_REVISION;
import static io.hotline.infra.eventstore.CommitLog.PAYLOAD_TYPE;
import static io.hotline.infra.eventstore.CommitLog.SEQ;
import static io.hotline.infra.eventstore.CommitLog.TIMESTAMP;

/**
 * An event between Axon's serialised form and its stored entry. Payloads and metadata are stored as readable JSON
 * documents, so an auditor can read the log directly with any Mongo tool.
 */
final class StoredEvents {

    static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private StoredEvents() {
    }

    /** The stored entry of {@code event} at sequence number {@code seq} of its case. */
    static Document entry(EventMessage<?> event, long seq, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return new Document(EVENT_ID, event.getIdentifier())
                .append(SEQ, seq)
                .append(TIMESTAMP, event.getTimestamp().toString())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, readableJson(payload.getData()))
                .append(META_DATA, readableJson(metaData.getData()));
    }

    /**
     * What Axon reads back of one stored event of {@code commit}: its payload and metadata as Jackson trees made from
     * the stored documents when first read ({@link StoredJson}), not as JSON text.
     */
    static DomainEventData<JsonNode> eventData(Document commit, Document event) {
        String type = commit.getString(AGGREGATE_TYPE);
        SerializedType payloadType = new SimpleSerializedType(event.getString(PAYLOAD_TYPE),
                event.getString(PAYLOAD_REVISION));
        return new Stored(type, type == null ? null : commit.getString(AGGREGATE_ID),
                event.get(SEQ, Number.class).longValue(), event.getString(EVENT_ID), event.getString(TIMESTAMP),
                new StoredJson(event.get(PAYLOAD), payloadType),
                new StoredJson(event.get(META_DATA), new SimpleSerializedType(MetaData.class.getName(), null)));
    }

    /** One stored event as Axon reads it. */
    private record Stored(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                          String timestampText, StoredJson payload, StoredJson metaData)
            implements DomainEventData<JsonNode> {

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateIdentifier;
        }

        @Override
        public long getSequenceNumber() {
            return sequenceNumber;
        }

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            return DateTimeUtils.parseInstant(timestampText);
        }

        @Override
        public SerializedObject<JsonNode> getMetaData() {
            return metaData;
        }

        @Override
        public SerializedObject<JsonNode> getPayload() {
            return payload;
        }
    }

    /** JSON objects are kept as documents (readable in any Mongo tool); anything else as its JSON text. */
    static Object readableJson(String json) {
        String trimmed = json == null ? "null" : json.trim();
        return trimmed.startsWith("{") ? Document.parse(trimmed) : trimmed;
    }

    /** The JSON text of a stored payload or metadata, as it was handed to the serialiser. */
    static String jsonText(Object stored) {
        return stored instanceof Document document ? document.toJson(JSON) : (String) stored;
    }
}

package io.hotline.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Urgency;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored payload is read as a Jackson tree made from the stored document: the same tree its JSON text parses to,
 * and the same event once deserialised; made only when asked for.
 */
class StoredJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTreeIsTheOneItsJsonTextParsesTo() throws Exception {
        Document stored = new Document("caseId", "case-1").append("count", 3).append("position", 12_345_678_901L)
                .append("score", 0.25).append("whole", 2.0).append("open", true).append("closedAt", null)
                .append("title", "路灯不亮 \"引号\" \\ 换行\n")
                .append("units", List.of("U1", 2, List.of(), new Document("unit", "U3")))
                .append("deadline", new Document("kind", "SIGN").append("due", "2026-12-07T01:00:00Z"));
        JsonNode tree = StoredJson.treeOf(stored);
        assertThat(tree).isEqualTo(JSON.readTree(StoredEvents.jsonText(stored)));
        assertThat(tree.get("position").isLong()).isTrue();
        assertThat(tree.get("whole").isDouble()).isTrue();
    }

    @Test
    void aValueJsonWritesInExtendedFormIsReadThroughTheText() throws Exception {
        Document stored = new Document("amount", new Decimal128(new BigDecimal("12.50"))).append("n", 1);
        assertThat(StoredJson.treeOf(stored)).isEqualTo(JSON.readTree(StoredEvents.jsonText(stored)));
        assertThat(StoredJson.treeOf("\"just text\"")).isEqualTo(JSON.readTree("\"just text\""));
    }

    @Test
    void aStoredEventDeserialisesToTheEventStoredAndItsMetadata() {
        Serializer serializer = EventStoreConfiguration.jsonSerializer();
        CaseRegistered registered = new CaseRegistered("case-1", "20261207-000001", "call-1", Channel.HOTLINE,
                Category.COMPLAINT, Urgency.NORMAL, "路灯不亮", "小区门口路灯坏了三天",
                new Citizen("张三", "13800138000", null, null), "370602", Actor.of("op-li", "HOTLINE", Role.OPERATOR),
                Instant.parse("2026-12-07T01:00:00Z"));
        GenericDomainEventMessage<CaseRegistered> message = new GenericDomainEventMessage<>("Case", "case-1", 0,
                registered, MetaData.from(Map.of("correlationId", "c-1", "traceId", "t-1")));
        Document commit = new Document(CommitLog.AGGREGATE_TYPE, "Case").append(CommitLog.AGGREGATE_ID, "case-1");
        DomainEventData<JsonNode> read = StoredEvents.eventData(commit, StoredEvents.entry(message, 0, serializer));

        assertThat(read.getPayload().getContentType()).isEqualTo(JsonNode.class);
        assertThat((Object) serializer.deserialize(read.getPayload())).isEqualTo(registered);
        assertThat((Object) serializer.deserialize(read.getMetaData())).isEqualTo(message.getMetaData());
        assertThat(read.getTimestamp()).isEqualTo(message.getTimestamp());
        assertThat(read.getEventIdentifier()).isEqualTo(message.getIdentifier());
    }
}

package io.hotline.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.bson.Document;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A stored payload or metadata as Axon's serialiser reads it: a Jackson tree made straight from the document the
 * driver decoded, on first use. Before, every event read was rendered to JSON text and parsed again, whether or not
 * its reader handled it: in a rebuild that round trip took about a third of the processors' time. A processor that
 * does not handle the event's type never asks for its data, so its tree is never made.
 * <p>
 * The tree holds what the text held: strings, booleans, nulls, 32- and 64-bit integers and doubles, nested documents
 * and lists (what a document parsed from Jackson's own JSON can hold). Anything else (an extended-JSON value) is read
 * through the text, as before.
 */
final class StoredJson implements SerializedObject<JsonNode> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper TEXT = new ObjectMapper();

    private final Object stored;
    private final SerializedType type;
    /** Volatile: an event read once for the read models rebuilt together is shared by their processors' threads. */
    private volatile JsonNode tree;

    StoredJson(Object stored, SerializedType type) {
        this.stored = stored;
        this.type = type;
    }

    @Override
    public Class<JsonNode> getContentType() {
        return JsonNode.class;
    }

    @Override
    public SerializedType getType() {
        return type;
    }

    @Override
    public JsonNode getData() {
        JsonNode made = tree;
        if (made == null) {
            made = treeOf(stored);
            tree = made;
        }
        return made;
    }

    /** The tree of a stored payload or metadata: a document, or the JSON text of anything else. */
    static JsonNode treeOf(Object stored) {
        if (stored instanceof Document document) {
            try {
                return object(document);
            } catch (NotPlainJson e) {
                return parsed(StoredEvents.jsonText(stored));
            }
        }
        return parsed((String) stored);
    }

    private static ObjectNode object(Map<String, Object> document) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            node.set(field.getKey(), value(field.getValue()));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Object element : list) {
                array.add(value(element));
            }
            return array;
        }
        if (value instanceof Map<?, ?> map) { // a nested document
            return object((Map<String, Object>) map);
        }
        throw new NotPlainJson();
    }

    private static JsonNode parsed(String json) {
        try {
            return TEXT.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value JSON text renders in extended JSON: the tree is made from the text instead. */
    private static final class NotPlainJson extends RuntimeException {
        NotPlainJson() {
            super(null, null, false, false);
        }
    }
}

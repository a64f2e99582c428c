package io.hotline.bench;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the documents the whole system writes (inserts, updates, deletes, find-and-modify), as seen by the
 * MongoDB drivers the app uses, so the benchmark can set them against the store's raw ceiling.
 */
final class WriteCounter implements CommandListener {

    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    /** Write commands (not documents) by collection: each is one round trip and one durable write of the store. */
    private final Map<String, LongAdder> byCollection = new ConcurrentHashMap<>();
    /** Documents written by collection. */
    private final Map<String, LongAdder> documentsByCollection = new ConcurrentHashMap<>();
    /** Read commands (find, getMore, aggregate, count, distinct) by collection: each is a round trip too. */
    private final Map<String, LongAdder> readsByCollection = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        long written = switch (event.getCommandName()) {
            case "insert" -> size(command, "documents");
            case "update" -> size(command, "updates");
            case "delete" -> size(command, "deletes");
            case "findAndModify" -> 1;
            default -> 0;
        };
        if (written > 0) {
            documents.addAndGet(written);
            commands.incrementAndGet();
            String collection = command.isString(event.getCommandName())
                    ? command.getString(event.getCommandName()).getValue() : "?";
            byCollection.computeIfAbsent(collection, name -> new LongAdder()).increment();
            documentsByCollection.computeIfAbsent(collection, name -> new LongAdder()).add(written);
            return;
        }
        String read = switch (event.getCommandName()) {
            case "find", "aggregate", "count", "distinct" -> event.getCommandName();
            case "getMore" -> "collection";
            default -> null;
        };
        if (read != null) {
            String collection = command.isString(read) ? command.getString(read).getValue() : "?";
            readsByCollection.computeIfAbsent(collection, name -> new LongAdder()).increment();
        }
    }

    private static long size(BsonDocument command, String field) {
        // With OP_MSG the driver may send the documents as a separate sequence; count at least one.
        BsonArray array = command.containsKey(field) ? command.getArray(field) : null;
        return array == null ? 1 : Math.max(1, array.size());
    }

    long documents() {
        return documents.get();
    }

    long commands() {
        return commands.get();
    }

    /** Write commands by collection since the last reset, the most written first. */
    Map<String, Long> commandsByCollection() {
        return sorted(byCollection);
    }

    /** Documents written by collection since the last reset, the most written first. */
    Map<String, Long> documentsByCollection() {
        return sorted(documentsByCollection);
    }

    /** Read commands by collection since the last reset, the most read first. */
    Map<String, Long> readsByCollection() {
        return sorted(readsByCollection);
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> entry) -> entry.getValue().sum()).reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue().sum()));
        return sorted;
    }

    void reset() {
        documents.set(0);
        commands.set(0);
        byCollection.clear();
        documentsByCollection.clear();
        readsByCollection.clear();
    }
}

package io.hotline.bench;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the documents the whole system writes (inserts, updates, deletes, find-and-modify), as seen by the
 * MongoDB drivers the app uses, so the benchmark can set them against the store's raw ceiling.
 */
final class WriteCounter implements CommandListener {

    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();

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

    void reset() {
        documents.set(0);
        commands.set(0);
    }
}

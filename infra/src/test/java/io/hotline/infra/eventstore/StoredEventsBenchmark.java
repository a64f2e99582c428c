package io.hotline.infra.eventstore;

import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading a stored event costs a reader of the log: a registration's stored payload deserialised through its
 * JSON text (what the log did before) and through a Jackson tree made from the stored document ({@link StoredJson},
 * what it does now). Part of the benchmark harness ({@code -Pbench}); the two run in alternating rounds and the best
 * round of each counts.
 */
class StoredEventsBenchmark {

    private static final Logger log = LoggerFactory.getLogger(StoredEventsBenchmark.class);
    private static final int EVENTS = 20_000;
    private static final int ROUNDS = 8;

    @Test
    void costOfReadingAStoredEvent() throws IOException {
        Serializer serializer = EventStoreConfiguration.jsonSerializer();
        List<Document> payloads = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            CaseRegistered registered = new CaseRegistered("case-" + i, "20261207-" + i, "call-" + i,
                    Channel.HOTLINE, Category.COMPLAINT, Urgency.NORMAL, "路灯不亮 " + i,
                    "小区门口路灯坏了三天，晚上出行很不方便 " + i, new Citizen("张三", "138001" + i, null, null), "370602",
                    Actor.of("op-li", "HOTLINE", Role.OPERATOR), Instant.parse("2026-12-07T01:00:00Z"));
            Document entry = StoredEvents.entry(new GenericDomainEventMessage<>("Case", "case-" + i, 0, registered),
                    0, serializer);
            // as the driver hands it back: decoded from BSON
            payloads.add(Document.parse(entry.toJson()).get(CommitLog.PAYLOAD, Document.class));
        }
        SerializedType type = new SimpleSerializedType(CaseRegistered.class.getName(), null);
        double text = Double.MAX_VALUE;
        double tree = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (Document payload : payloads) {
                serializer.deserialize(new SimpleSerializedObject<>(StoredEvents.jsonText(payload), String.class,
                        type));
            }
            long middle = System.nanoTime();
            for (Document payload : payloads) {
                serializer.deserialize(new StoredJson(payload, type));
            }
            long end = System.nanoTime();
            text = Math.min(text, (middle - start) / 1e3 / EVENTS);
            tree = Math.min(tree, (end - middle) / 1e3 / EVENTS);
        }
        String report = """
                # Reading a stored event

                A registration's stored payload deserialised, %d events, best of %d alternating rounds:

                | path | µs/event |
                |---|---|
                | JSON text, parsed again | %.1f |
                | Jackson tree from the stored document (`StoredJson`) | %.1f |
                """.formatted(EVENTS, ROUNDS, text, tree);
        log.info("\n{}", report);
        Path out = Path.of("target", "bench-stored-events.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}

package io.hotline.infra.mongo;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents' value type: a document reads back as it was stored, whatever values it holds; a file whose
 * documents H2's own type wrote opens and reads the same, and a document rewritten there reads back too.
 */
class BsonDocumentTypeTest {

    private static final String MAP = "databases.hotline.case_views";

    @TempDir
    Path dir;

    /** A document with every kind of value the wire brings in, nested. */
    private static Document document(int i) {
        return new Document("_id", "case-" + i)
                .append("version", i)
                .append("position", 10_000_000_000L + i)
                .append("score", i / 3.0)
                .append("open", i % 2 == 0)
                .append("closedAt", null)
                .append("registeredAt", Instant.ofEpochMilli(1_780_000_000_000L + i))
                .append("objectId", new ObjectId(String.format("%024x", i)))
                .append("amount", new Decimal128(new BigDecimal("12.5" + i)))
                .append("key", new BinData(new byte[] {1, 2, (byte) i}))
                .append("uuid", UUID.nameUUIDFromBytes(("c" + i).getBytes()))
                .append("stamp", new BsonTimestamp(Instant.ofEpochSecond(1_780_000_000L), i))
                .append("title", "路灯不亮 " + i)
                .append("units", List.of("U1", "U2", new Document("unit", "U3").append("since", i)))
                .append("deadline", new Document("kind", "COMPLETION").append("due", Instant.ofEpochMilli(i))
                        .append("history", List.of(List.of(1, 2L, 3.0), List.of())));
    }

    @Test
    void aDocumentReadsBackAsItWasStored() {
        BsonDocumentType type = new BsonDocumentType();
        for (int i = 0; i < 50; i++) {
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, document(i));
            ByteBuffer written = buffer.getBuffer();
            written.flip();
            assertThat(written.get(0)).isEqualTo(BsonDocumentType.TAG);
            assertThat(type.read(written)).isEqualTo(document(i));
            assertThat(written.hasRemaining()).as("every byte of the value read").isFalse();
        }
    }

    @Test
    void aDocumentLargerThanTheKeptBufferAndOneAfterItReadBack() {
        BsonDocumentType type = new BsonDocumentType();
        List<Document> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            entries.add(new Document("caseId", "case-" + i).append("title", "路灯不亮，已经三天了 " + i));
        }
        Document inbox = new Document("_id", "U1").append("entries", entries);
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, inbox);
        type.write(buffer, document(7));
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        assertThat(written.remaining()).isGreaterThan(1 << 20);
        assertThat(type.read(written)).isEqualTo(inbox);
        assertThat(type.read(written)).isEqualTo(document(7));
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void valuesThatAreNotDocumentsAreStoredByH2sType() {
        BsonDocumentType type = new BsonDocumentType();
        WriteBuffer buffer = new WriteBuffer();
        Object[] values = {"text", 42L, Arrays.asList(1, 2), document(1)};
        type.write(buffer, values, values.length);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        Object[] read = type.createStorage(values.length);
        type.read(written, read, values.length);
        assertThat(read).containsExactly(values);
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void aFileWhoseDocumentsH2sTypeWroteOpensAndReadsTheSame() {
        Path file = dir.resolve("store.mv");
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, Object> map = store.openMap(MAP,
                    new MVMap.Builder<>().keyType(new ObjectDataType()).valueType(new ObjectDataType()));
            for (int i = 0; i < 2_000; i++) {
                map.put("case-" + i, document(i));
            }
            store.commit();
        }
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, Object> map = store.openMap(MAP,
                    new MVMap.Builder<>().keyType(new GuardedObjectType()).valueType(new BsonDocumentType()));
            for (int i = 0; i < 2_000; i++) {
                assertThat(map.get("case-" + i)).isEqualTo(document(i));
            }
            // rewritten documents share their pages with older ones
            for (int i = 0; i < 2_000; i += 3) {
                map.put("case-" + i, document(i).append("rewritten", true));
            }
            store.commit();
        }
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, Object> map = store.openMap(MAP,
                    new MVMap.Builder<>().keyType(new GuardedObjectType()).valueType(new BsonDocumentType()));
            assertThat(map.size()).isEqualTo(2_000);
            for (int i = 0; i < 2_000; i++) {
                Document expected = i % 3 == 0 ? document(i).append("rewritten", true) : document(i);
                assertThat(map.get("case-" + i)).as("case-%d", i).isEqualTo(expected);
            }
        }
    }
}

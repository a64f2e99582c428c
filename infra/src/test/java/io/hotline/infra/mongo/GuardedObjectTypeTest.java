package io.hotline.infra.mongo;

import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document maps' key type: safe when H2's background compaction and a store worker compare keys at once, and
 * the same bytes as H2's own type, so a file opens with either.
 */
class GuardedObjectTypeTest {

    @TempDir
    Path dir;

    /** An id of each kind the store keys documents by: string, number, object id, document. */
    private static Object id(int i) {
        return switch (i % 4) {
            case 0 -> "case-" + i;
            case 1 -> (long) i;
            case 2 -> new ObjectId(String.format("%024x", i));
            default -> new de.bwaldvogel.mongo.bson.Document("caseId", "c" + i).append("seq", i);
        };
    }

    /**
     * Two threads use one instance: one compares Java-serialised ids (object ids), the other sizes numbers and
     * strings, switching the kind H2's type remembers. With one shared {@code ObjectDataType} the first thread
     * fails now and then with "Can not compare" (what closed the store under compaction); here it never does.
     */
    @Test
    void comparingOnTwoThreadsAtOnceNeverFails() throws Exception {
        DataType<Object> type = new GuardedObjectType();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Object a = new ObjectId(String.format("%024x", 1));
        Object b = new ObjectId(String.format("%024x", 2));
        CompletableFuture<Void> serialised = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 300_000; i++) {
                    assertThat(type.compare(a, b)).isNegative();
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        CompletableFuture<Void> others = CompletableFuture.runAsync(() -> {
            // what an insert does to a page's keys (and compaction to the pages it writes): sizes them, which makes
            // the type remember each one's kind
            for (int i = 0; i < 300_000; i++) {
                type.getMemory((long) i);
                type.getMemory("a" + (i % 10));
            }
        });
        CompletableFuture.allOf(serialised, others).get();
        assertThat(failed.get()).isNull();
    }

    @Test
    void aFileWrittenWithH2sOwnTypeReadsTheSameAndTheOtherWayRound() {
        Path file = dir.resolve("keys.mv");
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ids.add(id(i));
        }
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, Object> map = store.openMap("databases.hotline.cases",
                    new MVMap.Builder<>().keyType(new ObjectDataType()).valueType(new ObjectDataType()));
            ids.forEach(id -> map.put(id, "v-" + id));
            store.commit();
        }
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, Object> map = store.openMap("databases.hotline.cases",
                    new MVMap.Builder<>().keyType(new GuardedObjectType()).valueType(new GuardedObjectType()));
            ids.forEach(id -> assertThat(map.get(id)).as("%s", id).isEqualTo("v-" + id));
            map.put(id(401), "v-" + id(401));
            store.commit();
        }
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, Object> map = store.openMap("databases.hotline.cases",
                    new MVMap.Builder<>().keyType(new ObjectDataType()).valueType(new ObjectDataType()));
            assertThat(map.get(id(401))).isEqualTo("v-" + id(401));
            assertThat(map.size()).isEqualTo(401);
        }
    }
}

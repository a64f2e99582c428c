package io.hotline.infra.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's unique indexes with keys serialised once ({@link SerializedKeyIndex}) read and write the same
 * file as the stock H2 backend's: a store written by the stock backend opens with ours and every key is found, a
 * taken key refused; what ours adds is found again by the stock backend. Enough keys of mixed types that the index
 * B-trees have many pages, so a lookup only finds its key when both order the keys alike.
 */
class SerializedKeyIndexTest {

    private static final int KEYS = 3_000;

    @TempDir
    Path dir;

    @Test
    void aFileWrittenByTheStockBackendIsReadAndExtendedByOursAndReadBackByTheStockOne() {
        Path file = dir.resolve("store.mv");
        withStore(new H2Backend(stockStore(file)), cases -> {
            Mono.from(cases.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true))).block();
            Flux.range(0, KEYS).concatMap(i -> cases.insertOne(document(i))).blockLast();
        });
        DurableH2Backend ours = new DurableH2Backend(StoreFile.open(file, 16), DurableH2Backend.Durability.COMMIT);
        withStore(ours, cases -> {
            assertThat(ours.resolveDatabase("hotline").resolveCollection("cases", true).getIndexes())
                    .hasSize(2).allMatch(index -> index instanceof SerializedKeyIndex);
            assertEveryKeyFound(cases, KEYS);
            assertThatThrownBy(() -> Mono.from(cases.insertOne(document(17))).block())
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> Mono.from(cases.insertOne(new Document("_id", "another").append("number", 17)))
                    .block()).isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            Flux.range(KEYS, 500).concatMap(i -> cases.insertOne(document(i))).blockLast();
            Mono.from(cases.deleteOne(Filters.eq("_id", id(5)))).block();
            assertThat(found(cases, 5)).isFalse();
        });
        DurableH2Backend stock = new DurableH2Backend(stockStore(file), DurableH2Backend.Durability.COMMIT, false);
        withStore(stock, cases -> {
            assertThat(stock.resolveDatabase("hotline").resolveCollection("cases", true).getIndexes())
                    .hasSize(2).noneMatch(index -> index instanceof SerializedKeyIndex);
            Mono.from(cases.insertOne(document(5))).block();
            assertEveryKeyFound(cases, KEYS + 500);
            assertThatThrownBy(() -> Mono.from(cases.insertOne(document(KEYS + 7))).block())
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    @Test
    void anInLookupAndAnUpsertFindTheirKeys() {
        withStore(new DurableH2Backend(StoreFile.open(dir.resolve("new.mv"), 16), DurableH2Backend.Durability.NONE),
                cases -> {
                    Flux.range(0, KEYS).concatMap(i -> cases.insertOne(document(i))).blockLast();
                    List<Object> ids = new ArrayList<>();
                    for (int i = 0; i < KEYS; i += 37) {
                        ids.add(id(i));
                    }
                    assertThat(Flux.from(cases.find(Filters.in("_id", ids))).collectList().block()).hasSize(ids.size());
                    Mono.from(cases.updateOne(Filters.eq("_id", id(40)), new Document("$set", new Document("x", 1)),
                            new com.mongodb.client.model.UpdateOptions().upsert(true))).block();
                    assertThat(Mono.from(cases.countDocuments()).block()).isEqualTo(KEYS);
                });
    }

    /**
     * The file for the stock backend, without H2's background writer: the stock maps' key type is not safe for the
     * writer's compaction running beside an insert (see {@link GuardedObjectType}), which failed this test now and
     * then with "Can not compare"; ours is opened with the writer on.
     */
    private static org.h2.mvstore.MVStore stockStore(Path file) {
        return new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).cacheSize(16).autoCommitDisabled().open();
    }

    /** Keys of the kinds the system uses: strings, numbers, object ids and documents. */
    private static Object id(int i) {
        return switch (i % 4) {
            case 0 -> "case-" + i;
            case 1 -> (long) i;
            case 2 -> new ObjectId(String.format("%024x", i));
            default -> new Document("caseId", "c" + i).append("seq", i);
        };
    }

    private static Document document(int i) {
        return new Document("_id", id(i)).append("number", i);
    }

    private static boolean found(MongoCollection<Document> cases, int i) {
        return Mono.from(cases.find(Filters.eq("_id", id(i))).first()).blockOptional().isPresent();
    }

    private static void assertEveryKeyFound(MongoCollection<Document> cases, int keys) {
        for (int i = 0; i < keys; i++) {
            assertThat(found(cases, i)).as("key %s", id(i)).isTrue();
            int number = i;
            Function<Integer, Boolean> byNumber = n -> Mono.from(cases.find(Filters.eq("number", n)).first())
                    .blockOptional().isPresent();
            if (i % 97 == 0) {
                assertThat(byNumber.apply(number)).isTrue();
            }
        }
    }

    private static void withStore(H2Backend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            work.accept(client.getDatabase("hotline").getCollection("cases"));
        } finally {
            server.shutdownNow();
        }
    }
}

package io.hotline.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The H2 file backend of mongo-java-server, made to keep its word: a write is in the file before the client is
 * told it succeeded.
 * <p>
 * Left alone, the backend keeps changes in memory and its MVStore writes them to the file about once a second
 * (auto-commit), so a store process that dies loses the writes of its last second, acknowledged or not. Every
 * command passes through {@link #handleCommand} and the wire handler sends the answer only after it returns; so
 * committing there, for the commands that change data, makes each acknowledged write durable. The commit runs
 * whether the command succeeded or not, because a batch can fail half-way with its first half stored.
 * <p>
 * {@link Durability#COMMIT} hands the data to the operating system: it survives a crash of the store process
 * (the failure the scale-out tests inject). {@link Durability#FSYNC} also forces it to the disk, so it survives
 * a crash of the machine, at several times the cost per write (docs/operations.md).
 * <p>
 * Its unique indexes (every {@code _id}, every unique key) compare keys on bytes serialised once per key rather than
 * twice per comparison ({@link SerializedKeyIndex}), and it stores documents as BSON rather than as Java-serialised
 * objects ({@link BsonDocumentType}); a file of the stock backend opens with it, not the other way round.
 */
public class DurableH2Backend extends H2Backend {

    /** The commands that change data; reads ({@code find}, {@code getMore}, {@code aggregate}, ...) do not commit. */
    static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "drop",
            "createindexes", "dropindexes", "dropdatabase");

    /** How far a write has gone when it is acknowledged. */
    public enum Durability {
        /**
         * MVStore auto-commit only, about once a second: a crash loses the last second, unless the writer commits
         * (the embedded store in the application's process, whose writers share a group commit).
         */
        NONE,
        /** Written to the file before the reply: survives a crash of the store process. */
        COMMIT,
        /** Written and forced to the disk before the reply: survives a crash of the machine. */
        FSYNC;

        public static Durability parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The stock constructor opens the databases already in the file before this class's fields are set; the choice
     * of index reaches {@link #openOrCreateDatabase} through this for that part of the construction.
     */
    private static final ThreadLocal<Boolean> OPENING_WITH_SERIALIZED_KEYS = new ThreadLocal<>();

    private final Durability durability;
    /** Null while the stock constructor runs (see {@link #OPENING_WITH_SERIALIZED_KEYS}). */
    private final Boolean serializedKeys;

    public DurableH2Backend(MVStore store, Durability durability) {
        this(store, durability, true);
    }

    /** {@code serializedKeys} false: the stock backend's unique indexes (to measure the difference); documents as ours. */
    public DurableH2Backend(MVStore store, Durability durability, boolean serializedKeys) {
        super(opening(store, serializedKeys));
        OPENING_WITH_SERIALIZED_KEYS.remove();
        this.durability = durability;
        this.serializedKeys = serializedKeys;
    }

    private static MVStore opening(MVStore store, boolean serializedKeys) {
        OPENING_WITH_SERIALIZED_KEYS.set(serializedKeys);
        return store;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (durability != Durability.NONE && WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                commit();
                if (durability == Durability.FSYNC) {
                    getMvStore().sync();
                }
            }
        }
    }

    public Durability durability() {
        return durability;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    private boolean serializedKeys() {
        return serializedKeys != null ? serializedKeys : OPENING_WITH_SERIALIZED_KEYS.get();
    }

    /**
     * The H2 backend's database with {@link SerializedKeyIndex} unique indexes (unless measuring the stock ones) and
     * documents stored as BSON. An inner class on purpose: the
     * stock constructor opens the existing indexes before a subclass's own fields are set, and the enclosing backend
     * (its store) is reachable from the start.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /**
         * The stock collection (its maps named as the stock backend names them, so a stock backend's file opens)
         * with its documents' map keyed by {@link GuardedObjectType} (H2's own key type is not safe for the file's
         * compaction running beside the store's workers) and its documents stored as BSON ({@link BsonDocumentType}).
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + fullName,
                    new MVMap.Builder<Object, Document>().keyType(new GuardedObjectType())
                            .valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
            return new H2Collection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            if (!serializedKeys()) {
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }
            // the map's name as the stock backend names it, so the same file opens either way
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<SerializedKey, Object> map = getMvStore().openMap(mapName,
                    new MVMap.Builder<SerializedKey, Object>().keyType(new SerializedKeyType()));
            return new SerializedKeyIndex(map, indexName, keys, sparse);
        }
    }
}

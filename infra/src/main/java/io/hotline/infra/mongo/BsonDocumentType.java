package io.hotline.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;

import java.nio.ByteBuffer;

/**
 * The value type of the embedded store's documents' maps: each document stored as its BSON bytes, written and read
 * by mongo-java-server's own encoder and decoder (those of its wire protocol, so a document reads back as the
 * values a client sent).
 * <p>
 * Why: H2's {@code ObjectDataType} stores a document as a Java-serialised object, with the class descriptions of
 * the document and its maps in every value; in an intake profile that serialisation took about a tenth of the CPU
 * (H2's serialisation thread), and reading a page back deserialised the same way. A BSON document is written and
 * read in a fraction of that, and is smaller.
 * <p>
 * A file written before keeps its values: a value is marked with {@link #TAG}, a tag H2's type never writes, and
 * an unmarked value is read by H2's type ({@link GuardedObjectType}), which also writes anything that is not a
 * document, or a document the encoder refuses. A document rewritten is stored the new way. A file written with
 * this type does not open with a build that stores documents with H2's type alone.
 */
final class BsonDocumentType implements DataType<Object> {

    /** Unused by {@code ObjectDataType} (its tags are 0 to 19, 32 to 49 and 64 to 119). */
    static final byte TAG = 50;

    /** Encoding buffers, one per writing thread (H2's serialisation thread, mostly), reused. */
    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(8_192));
    private static final int LARGEST_KEPT = 1 << 20;

    private final GuardedObjectType older = new GuardedObjectType();
    /** What a document takes in memory, about; as H2's type estimates, from the sizes written and read. */
    private volatile int averageSize = 1024;

    @Override
    public int compare(Object a, Object b) {
        return older.compare(a, b);
    }

    @Override
    public int binarySearch(Object key, Object storage, int size, int initialGuess) {
        return older.binarySearch(key, storage, size, initialGuess);
    }

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document ? averageSize : older.getMemory(obj);
    }

    @Override
    public boolean isMemoryEstimationAllowed() {
        return true;
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        ByteBuf bson = obj instanceof Document document ? encoded(document) : null;
        if (bson == null) {
            older.write(buff, obj);
            return;
        }
        noteSize(bson.readableBytes());
        buff.put(TAG).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        if (bson.capacity() > LARGEST_KEPT) {
            BUFFER.remove(); // a unit's inbox can be large; its buffer is not kept for the small documents after it
        }
    }

    @Override
    public void write(WriteBuffer buff, Object storage, int len) {
        Object[] values = (Object[]) storage;
        for (int i = 0; i < len; i++) {
            write(buff, values[i]);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != TAG) {
            return older.read(buff);
        }
        buff.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buff);
        Document document = BsonDecoder.decodeBson(bson);
        buff.position(buff.position() + bson.readerIndex());
        noteSize(bson.readerIndex());
        return document;
    }

    @Override
    public void read(ByteBuffer buff, Object storage, int len) {
        Object[] values = (Object[]) storage;
        for (int i = 0; i < len; i++) {
            values[i] = read(buff);
        }
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /**
     * The document's BSON bytes, in this thread's buffer (valid until its next call); null for a value the encoder
     * does not know (H2's type stores it then).
     */
    private static ByteBuf encoded(Document document) {
        ByteBuf bson = BUFFER.get().clear();
        try {
            BsonEncoder.encodeDocument(document, bson);
            return bson;
        } catch (RuntimeException unknownValue) {
            return null;
        }
    }

    /** A document's objects take a few times its BSON size; an exponential moving average, as H2's type keeps. */
    private void noteSize(int bsonBytes) {
        averageSize = (int) ((bsonBytes * 4L + 15L * averageSize) / 16);
    }
}

package io.hotline.infra.mongo;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * H2's {@link ObjectDataType}, used by one thread at a time: the key and value type of the embedded store's document
 * maps, whose keys are the documents' {@code _id}s (strings, numbers, object ids, documents).
 * <p>
 * Why: an {@code ObjectDataType} remembers the kind of the last value it handled in a plain field, and compares two
 * Java-serialised values (an object id, a document) only if it sees the same remembered kind for both. H2's
 * background writer compacts the file on its own thread, comparing keys of a map while a store worker inserts into
 * it through the same instance; a switch of the remembered kind between the two looks failed the comparison with
 * "Can not compare", and the failed compaction closed the store ("This store is closed"). Each map has its own
 * instance, and a store worker holds its collection's lock anyway, so the lock here is almost never contended (one
 * instance per thread instead cost about a quarter of intake's throughput in the open-loop harness). The bytes
 * written and read are {@code ObjectDataType}'s own, so files open either way.
 */
final class GuardedObjectType implements DataType<Object> {

    private final ObjectDataType type = new ObjectDataType();

    @Override
    public synchronized int compare(Object a, Object b) {
        return type.compare(a, b);
    }

    @Override
    public synchronized int binarySearch(Object key, Object storage, int size, int initialGuess) {
        return type.binarySearch(key, storage, size, initialGuess);
    }

    @Override
    public synchronized int getMemory(Object obj) {
        return type.getMemory(obj);
    }

    @Override
    public boolean isMemoryEstimationAllowed() {
        return type.isMemoryEstimationAllowed();
    }

    @Override
    public synchronized void write(WriteBuffer buff, Object obj) {
        type.write(buff, obj);
    }

    @Override
    public synchronized void write(WriteBuffer buff, Object storage, int len) {
        type.write(buff, storage, len);
    }

    @Override
    public synchronized Object read(ByteBuffer buff) {
        return type.read(buff);
    }

    @Override
    public synchronized void read(ByteBuffer buff, Object storage, int len) {
        type.read(buff, storage, len);
    }

    @Override
    public Object[] createStorage(int size) {
        return type.createStorage(size);
    }
}

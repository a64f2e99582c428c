package io.hotline.infra.mongo;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * H2's {@link ObjectDataType}, one instance per thread: the key type of the embedded store's document maps, whose
 * keys are the documents' {@code _id}s (strings, numbers, object ids, documents).
 * <p>
 * Why: an {@code ObjectDataType} remembers the kind of the last value it handled in a plain field, and compares two
 * Java-serialised values (an object id, a document) only if it sees the same remembered kind for both. H2's
 * background writer compacts the file on its own thread, comparing keys of a map while a store worker inserts into
 * it through the same instance; a switch of the remembered kind between the two looks failed the comparison with
 * "Can not compare", and the failed compaction closed the store ("This store is closed"). Each thread here has its
 * own instance. The bytes written and read are {@code ObjectDataType}'s own, so files open either way.
 */
final class PerThreadObjectType implements DataType<Object> {

    private static final ThreadLocal<ObjectDataType> TYPES = ThreadLocal.withInitial(ObjectDataType::new);

    private static ObjectDataType type() {
        return TYPES.get();
    }

    @Override
    public int compare(Object a, Object b) {
        return type().compare(a, b);
    }

    @Override
    public int binarySearch(Object key, Object storage, int size, int initialGuess) {
        return type().binarySearch(key, storage, size, initialGuess);
    }

    @Override
    public int getMemory(Object obj) {
        return type().getMemory(obj);
    }

    @Override
    public boolean isMemoryEstimationAllowed() {
        return type().isMemoryEstimationAllowed();
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        type().write(buff, obj);
    }

    @Override
    public void write(WriteBuffer buff, Object storage, int len) {
        type().write(buff, storage, len);
    }

    @Override
    public Object read(ByteBuffer buff) {
        return type().read(buff);
    }

    @Override
    public void read(ByteBuffer buff, Object storage, int len) {
        type().read(buff, storage, len);
    }

    @Override
    public Object[] createStorage(int size) {
        return type().createStorage(size);
    }
}

package io.hotline.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The key type of the embedded store's unique indexes: stored exactly as the H2 backend's own {@link ObjectDataType}
 * stores a {@link KeyValue} (the same bytes, so data files written before or after open either way) and ordered as
 * it orders them (unsigned bytes of the Java serialisation), but compared on bytes serialised once per key instead of
 * twice per comparison. In a profile of a rebuild that serialisation was two thirds of the store's CPU.
 */
final class SerializedKeyType extends BasicDataType<SerializedKey> {

    /** {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}: the tag H2 writes before a serialised object. */
    private static final byte SERIALIZED = 19;

    private final ObjectDataType stock = new ObjectDataType();

    @Override
    public int compare(SerializedKey a, SerializedKey b) {
        return a == b ? 0 : ObjectDataType.compareNotNull(a.bytes(), b.bytes());
    }

    @Override
    public int getMemory(SerializedKey key) {
        // the key's objects and its bytes, about as H2 estimates a serialised object (twice its length) plus them
        return 3 * key.bytes().length + 48;
    }

    @Override
    public void write(WriteBuffer buffer, SerializedKey key) {
        buffer.put(SERIALIZED).putVarInt(key.bytes().length).put(key.bytes());
    }

    @Override
    public SerializedKey read(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.get() == SERIALIZED) {
            byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(bytes);
            return new SerializedKey((KeyValue) ObjectDataType.deserialize(bytes), bytes);
        }
        // not written by either type: let H2's own type read it
        buffer.position(start);
        return new SerializedKey((KeyValue) stock.read(buffer));
    }

    @Override
    public SerializedKey[] createStorage(int size) {
        return new SerializedKey[size];
    }
}

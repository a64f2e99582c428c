package io.hotline.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A key of a unique index of the embedded store together with its serialised bytes, made once per key. The H2
 * backend orders index keys by their Java-serialised bytes (mongo-java-server's {@link KeyValue} is not
 * {@code Comparable}, so H2's {@link ObjectDataType} serialises both keys on every comparison of a binary search);
 * keeping the bytes beside the key gives the same order at the cost of a byte comparison.
 */
final class SerializedKey {

    private final KeyValue value;
    private final byte[] bytes;

    SerializedKey(KeyValue value) {
        this(value, ObjectDataType.serialize(value));
    }

    SerializedKey(KeyValue value, byte[] bytes) {
        this.value = value;
        this.bytes = bytes;
    }

    KeyValue value() {
        return value;
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SerializedKey key && value.equals(key.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

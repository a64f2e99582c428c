package io.hotline.infra.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A unique index of the embedded store over an H2 map keyed by {@link SerializedKey}: what the H2 backend's own
 * unique index does (the same map, the same stored bytes, the same order), with each key serialised once (see
 * {@link SerializedKeyType}). Every {@code _id} lookup, insert and upsert of the system goes through one.
 */
final class SerializedKeyIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<SerializedKey, Object> map;

    SerializedKeyIndex(MVMap<SerializedKey, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(new SerializedKey(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(new SerializedKey(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> {
            Iterator<Map.Entry<SerializedKey, Object>> entries = map.entrySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public Map.Entry<KeyValue, Object> next() {
                    Map.Entry<SerializedKey, Object> entry = entries.next();
                    return new AbstractMap.SimpleImmutableEntry<>(entry.getKey().value(), entry.getValue());
                }
            };
        };
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(new SerializedKey(key));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}

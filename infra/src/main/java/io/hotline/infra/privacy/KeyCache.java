package io.hotline.infra.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The citizen keys (and known absences) this node has read recently, least recently used dropped first, each
 * trusted for a limited time: a key erased on another node stops working here within that time. Sealing and
 * opening a citizen then costs no database round trip for a caller seen in the last minutes.
 */
final class KeyCache {

    /** A cached answer: the key, or none (erased or never made), until {@code expiresAt} (nano time). */
    record Entry(CitizenKey key, long expiresAt) {
    }

    private final long ttlNanos;
    private final Map<String, Entry> entries;

    KeyCache(Duration ttl, int maxSize) {
        this.ttlNanos = ttl.toNanos();
        this.entries = new LinkedHashMap<>(Math.min(maxSize, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxSize;
            }
        };
    }

    synchronized Optional<Entry> get(String keyId) {
        Entry entry = entries.get(keyId);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAt() >= 0) {
            entries.remove(keyId);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    synchronized void put(String keyId, CitizenKey key) {
        if (ttlNanos > 0) {
            entries.put(keyId, new Entry(key, System.nanoTime() + ttlNanos));
        }
    }

    synchronized void forget(String keyId) {
        entries.remove(keyId);
    }
}

package io.hotline.infra.mongo;

import org.h2.mvstore.MVStore;

import java.nio.file.Path;

/**
 * Opens the embedded store's data file with a page cache sized for the read models. The H2 backend keeps
 * documents Java-serialized in the file; a page in the cache is kept deserialized. MVStore's default cache of 16 MB
 * is shared by every collection, so with 10,000 cases the event log pushed the case views out, and every search
 * (a scan on the embedded store) deserialized each view again: a scan of 10,000 views took about 300 ms rather
 * than 20 ms, and three board lists at once held each other up for most of a second (flight recording of the
 * console's page-load test, and a bench of the store alone).
 */
final class StoreFile {

    /** A quarter of the heap, at most this many MB: enough to keep the case views of a busy year in memory. */
    private static final long MAX_DEFAULT_CACHE_MB = 512;

    private StoreFile() {
    }

    /** The data file, with a page cache of {@code cacheMb} MB, or of {@link #defaultCacheMb()} when 0. */
    static MVStore open(Path file, int cacheMb) {
        return new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(cacheMb > 0 ? cacheMb : defaultCacheMb())
                .open();
    }

    /** A quarter of the heap the JVM may use, between 16 MB (MVStore's own default) and 512 MB. */
    static int defaultCacheMb() {
        long quarterOfHeap = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
        return (int) Math.max(16, Math.min(MAX_DEFAULT_CACHE_MB, quarterOfHeap));
    }
}

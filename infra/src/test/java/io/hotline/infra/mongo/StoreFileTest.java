package io.hotline.infra.mongo;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store's page cache: as configured, or a quarter of the heap within MVStore's default and 512 MB. */
class StoreFileTest {

    @TempDir
    Path dir;

    @Test
    void aConfiguredCacheSizeIsTheOneUsed() {
        MVStore store = StoreFile.open(dir.resolve("configured.mv"), 64);
        try {
            assertThat(store.getCacheSize()).isEqualTo(64);
        } finally {
            store.close();
        }
    }

    @Test
    void byDefaultTheCacheIsAQuarterOfTheHeapWithinBounds() {
        long quarter = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
        MVStore store = StoreFile.open(dir.resolve("default.mv"), 0);
        try {
            assertThat(store.getCacheSize()).isEqualTo(StoreFile.defaultCacheMb())
                    .isEqualTo((int) Math.max(16, Math.min(512, quarter)));
        } finally {
            store.close();
        }
    }
}

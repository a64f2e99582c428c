package io.hotline.query.figures.levels;

import io.hotline.query.units.UnitDirectoryReader;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * The unit tree from the unit directory's read model: one read of its few thousand documents (the embedded store
 * scans for any filter anyway), each carrying its path, so a subtree is found without walking. The snapshot is kept
 * for {@link #FRESH} and shared by the requests of that moment: the directory changes by an administrator's act, and
 * reading two thousand documents per figures request cost more than the figures. Retired units are kept: their
 * figures stay theirs, and their parent's.
 */
@Component
class DirectoryLevels implements UnitLevels {

    static final Duration FRESH = Duration.ofSeconds(5);

    private final Mono<UnitTree> snapshot;

    DirectoryLevels(UnitDirectoryReader directory) {
        this.snapshot = Mono.defer(() -> directory.units(null, null, null, null, false)
                        .map(unit -> new UnitTree.Node(unit.code(), unit.kind(), unit.parent(), unit.path()))
                        .collectList()
                        .map(UnitTree::new))
                .cache(FRESH);
    }

    @Override
    public Mono<UnitTree> tree() {
        return snapshot;
    }
}

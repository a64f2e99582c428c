package io.hotline.query.figures.levels;

import io.hotline.query.units.UnitDirectoryReader;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The unit tree from the unit directory's read model: one read of its few thousand documents per request (the
 * embedded store scans for any filter anyway), each carrying its path, so a subtree is found without walking.
 * Retired units are kept: their figures stay theirs, and their parent's.
 */
@Component
class DirectoryLevels implements UnitLevels {

    private final UnitDirectoryReader directory;

    DirectoryLevels(UnitDirectoryReader directory) {
        this.directory = directory;
    }

    @Override
    public Mono<UnitTree> tree() {
        return directory.units(null, null, null, null, false)
                .map(unit -> new UnitTree.Node(unit.code(), unit.kind(), unit.parent(), unit.path()))
                .collectList()
                .map(UnitTree::new);
    }
}

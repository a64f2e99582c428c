package io.hotline.query.figures.levels;

import reactor.core.publisher.Mono;

/** Where the figures read the unit tree from: the unit directory's read model in the application. */
@FunctionalInterface
public interface UnitLevels {

    /** No directory: every unit alone, in the "other" peer group (tests of the figures without a directory). */
    UnitLevels NONE = () -> Mono.just(UnitTree.EMPTY);

    /** The tree as it is now, read once per request. */
    Mono<UnitTree> tree();
}

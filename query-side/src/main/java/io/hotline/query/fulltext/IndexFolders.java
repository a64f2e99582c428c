package io.hotline.query.fulltext;

import java.nio.file.Path;

/**
 * Where this node keeps its full-text indexes: one folder per index under {@code app.query.fulltext.dir}, by
 * default {@code fulltext/} in the node's data folder. Each query node has its own: an index is never shared.
 */
public record IndexFolders(Path root) {

    /** The folder of the index called {@code name} ({@code cases}, {@code articles}). */
    public Path of(String name) {
        return root.resolve(name);
    }
}

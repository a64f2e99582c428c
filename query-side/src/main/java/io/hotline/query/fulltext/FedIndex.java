package io.hotline.query.fulltext;

import java.io.Closeable;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An index that an {@link IndexFeed} keeps: a projection of the event log that remembers, durably and together with
 * what it holds, how far into the log it is, so a restart resumes there. This node's Lucene index
 * ({@link LuceneIndex}) or an index on an OpenSearch cluster ({@link OpenSearchIndex}).
 */
public interface FedIndex extends Closeable {

    String name();

    /** The log position of the last event the last commit holds; empty for an index that holds none. */
    OptionalLong committedPosition();

    /** Which log the last commit was made from (the identifier of its first event); empty when not known. */
    Optional<String> committedLog();

    /**
     * Makes everything written so far durable, recording that it holds the log up to {@code position}, of the log
     * whose first event is {@code logId}. Only call it with a position whose events are all written.
     */
    void commit(OptionalLong position, String logId);

    /** Empties the index and commits it empty: it holds no event now. */
    void clear();

    /** Lets searches see what was written, when the engine does not do so by itself; never waits for another. */
    void refresh();

    /** Lets searches see everything written so far, and waits until they do. */
    void refreshNow();

    @Override
    void close();
}

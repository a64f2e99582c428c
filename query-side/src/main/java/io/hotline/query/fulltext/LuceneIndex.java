package io.hotline.query.fulltext;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One Lucene index of this node: a writer, near-real-time searchers over it, and a commit that remembers how far
 * into the event log the index is ({@link #committedPosition()}), so a restart resumes where the index stopped.
 * Disposable like every read model: {@link #clear()} empties it for a rebuild, and an index written by another
 * layout of the code ({@code layout}, a name the feature changes whenever what it indexes changes) or over another
 * log ({@link #committedLog()}) is cleared when opened.
 * <p>
 * One writer thread at a time (the index's processor); any number of searching threads.
 */
public final class LuceneIndex implements FedIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);
    static final String LAYOUT = "layout";
    static final String POSITION = "log.position";
    static final String LOG = "log.first";

    private final String name;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final String layout;

    private LuceneIndex(String name, Directory directory, Analyzer analyzer, String layout) throws IOException {
        this.name = name;
        this.directory = directory;
        this.layout = layout;
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        String written = userData().get(LAYOUT);
        if (!layout.equals(written)) {
            if (written != null) {
                log.info("Index {} was written by layout {} ({} here): cleared, it is rebuilt from the log", name,
                        written, layout);
            }
            clear();
        }
    }

    /**
     * The index in {@code folder}, created if missing. Should another process (or another application context in
     * the same JVM) hold the folder, this node keeps the index in memory instead and rebuilds it from the log: a
     * search index is never worth failing a start for.
     */
    public static LuceneIndex open(Path folder, Analyzer analyzer, String layout) {
        try {
            Files.createDirectories(folder);
            return new LuceneIndex(folder.getFileName().toString(), FSDirectory.open(folder), analyzer, layout);
        } catch (LockObtainFailedException e) {
            log.warn("Index folder {} is in use by another process: this node keeps the index in memory", folder);
            return inMemory(folder.getFileName().toString(), analyzer, layout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + folder.toAbsolutePath(), e);
        }
    }

    /** An index in memory only: tests, and the fallback of {@link #open}. */
    public static LuceneIndex inMemory(String name, Analyzer analyzer, String layout) {
        try {
            return new LuceneIndex(name, new ByteBuffersDirectory(), analyzer, layout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** Adds the document, replacing any with {@code id} in {@code idField}. */
    public void update(String idField, String id, Iterable<? extends IndexableField> document) {
        try {
            writer.updateDocument(new Term(idField, id), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the document with {@code id} in {@code idField}, if there is one (an article withdrawn). */
    public void delete(String idField, String id) {
        try {
            writer.deleteDocuments(new Term(idField, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Something a search does with a searcher; the searcher is valid only while it runs. */
    @FunctionalInterface
    public interface Search<T> {
        T with(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code search} on the newest opened searcher. */
    public <T> T search(Search<T> search) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.with(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tells {@code listener} before and after every reopening of the searchers. */
    public void onRefresh(ReferenceManager.RefreshListener listener) {
        searchers.addListener(listener);
    }

    /** Opens a new searcher if anything changed; returns without waiting when another thread is at it. */
    @Override
    public void refresh() {
        try {
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a new searcher if anything changed, and waits for it: what was written before is now searched. */
    @Override
    public void refreshNow() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log position of the last event the last commit holds; empty for an index that holds none. */
    @Override
    public OptionalLong committedPosition() {
        String position = userData().get(POSITION);
        return position == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(position));
    }

    /** Which log the last commit was made from (the identifier of its first event); empty when not known. */
    @Override
    public Optional<String> committedLog() {
        return Optional.ofNullable(userData().get(LOG));
    }

    /**
     * Makes everything written so far durable, recording that it holds the log up to {@code position}, of the log
     * whose first event is {@code logId}. Only call it with a position whose events are all written.
     */
    @Override
    public synchronized void commit(OptionalLong position, String logId) {
        Map<String, String> data = new HashMap<>();
        data.put(LAYOUT, layout);
        position.ifPresent(p -> data.put(POSITION, Long.toString(p)));
        if (logId != null) {
            data.put(LOG, logId);
        }
        try {
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the index and commits it empty: it holds no event now. */
    @Override
    public synchronized void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commit(OptionalLong.empty(), null);
        refreshNow();
    }

    /** How many documents the newest searcher sees. */
    public int size() {
        return search(searcher -> searcher.getIndexReader().numDocs());
    }

    private Map<String, String> userData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.rollback(); // whatever was not committed is indexed again from the committed position
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

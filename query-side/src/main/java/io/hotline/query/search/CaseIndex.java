package io.hotline.query.search;

import io.hotline.query.fulltext.ChineseAnalysis;
import io.hotline.query.fulltext.FullTextProperties;
import io.hotline.query.fulltext.IndexFeed;
import io.hotline.query.fulltext.IndexFolders;
import io.hotline.query.fulltext.LuceneIndex;
import io.hotline.query.personal.PhoneHasher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.lucene.analysis.Analyzer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import io.hotline.query.search.DuplicateSuggestions.Suggestion;
import io.hotline.query.search.DuplicateSuggestions.Typed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * This node's case index (folder {@code cases} of its full-text folder): a projection of the log, fed by the
 * node's own processor {@code case-index} (see {@link IndexFeed} for why each node has its own), searched by
 * {@link CaseTextSearch} and {@link DuplicateSuggestions}. The search port's default adapter
 * ({@code app.query.fulltext.engine: lucene}, or unset).
 */
@Component
@ConditionalOnProperty(prefix = "app.query.fulltext", name = "engine", havingValue = "lucene", matchIfMissing = true)
public class CaseIndex implements CaseSearchEngine, SmartLifecycle {

    static final String FEED = "case-index";
    /** Further behind the log than this, a list is read off the case views at once (a rebuild, a storm). */
    static final long FRESH_GAP = 200;
    /** How long a list waits for the index to hold what the log held when it was asked. */
    static final Duration FRESH_WITHIN = Duration.ofMillis(250);

    private final IndexFeed<LuceneIndex> feed;
    private final CaseDocuments documents;

    CaseIndex(IndexFolders folders, FullTextProperties properties, PhoneHasher phones, ReactiveMongoTemplate mongo,
              StreamableMessageSource<TrackedEventMessage<?>> events, ObjectProvider<MeterRegistry> meters) {
        this.documents = new CaseDocuments(mongo.getConverter());
        LuceneIndex index = LuceneIndex.open(folders.of("cases"), analyzer(), CaseDocuments.LAYOUT);
        this.feed = new IndexFeed<>(FEED, index, () -> projection(index, documents, phones).handlers(), events,
                properties);
        // how far this node's index is behind the log, in events (the other read models' lag is the shared token's)
        meters.ifAvailable(registry -> Gauge.builder("hotline.fulltext.lag", feed, IndexFeed::lag)
                .description("events of the log this node's case index has not applied yet")
                .tag("index", "cases").register(registry));
    }

    /** How the case documents' text fields are analysed: Han bigrams (see {@link ChineseAnalysis}). */
    public static Analyzer analyzer() {
        return ChineseAnalysis.bigrams();
    }

    /** A projection writing into {@code index}: what the feed runs, and what tests and the benchmark feed by hand. */
    public static CaseIndexProjection projection(LuceneIndex index, CaseDocuments documents, PhoneHasher phones) {
        return new CaseIndexProjection(new CaseIndexStore(index, documents), phones);
    }

    LuceneIndex index() {
        return feed.index();
    }

    CaseDocuments documents() {
        return documents;
    }

    /** The feed: its position, its lag behind the log, and a rebuild. */
    @Override
    public IndexFeed<LuceneIndex> feed() {
        return feed;
    }

    @Override
    public CaseTextSearch.Found search(CaseFilter filter, Instant now, int page, int size, String cursor) {
        return CaseTextSearch.search(index(), filter, now, page, size, cursor);
    }

    /**
     * A working list off the index, once it holds what the log held when asked (waiting up to
     * {@link #FRESH_WITHIN} for at most {@link #FRESH_GAP} events); otherwise empty, and the case views answer.
     */
    @Override
    public Optional<CaseTextSearch.Found> list(CaseFilter filter, CaseSearch.Order order, Instant now, int page,
                                               int size) {
        if (!CaseLists.reaches(page, size) || !feed.caughtUp(FRESH_GAP, FRESH_WITHIN)) {
            return Optional.empty();
        }
        return Optional.of(CaseLists.list(index(), filter, order, now, page, size));
    }

    @Override
    public List<Suggestion> suggest(Typed typed, Instant now, Duration window, int size) {
        return DuplicateSuggestions.suggest(index(), documents, typed, now, window, size);
    }

    @Override
    public void start() {
        feed.start();
    }

    @Override
    public void stop() {
        feed.stop();
    }

    @Override
    public boolean isRunning() {
        return feed.isRunning();
    }

    @Override
    public int getPhase() {
        return feed.getPhase();
    }
}

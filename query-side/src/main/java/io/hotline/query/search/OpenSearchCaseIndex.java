package io.hotline.query.search;

import io.hotline.query.fulltext.FullTextProperties;
import io.hotline.query.fulltext.IndexFeed;
import io.hotline.query.fulltext.OpenSearchIndex;
import io.hotline.query.fulltext.OpenSearchProperties;
import io.hotline.query.personal.PhoneHasher;
import io.hotline.query.search.DuplicateSuggestions.Suggestion;
import io.hotline.query.search.DuplicateSuggestions.Typed;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The search port answered by OpenSearch ({@code app.query.fulltext.engine: opensearch}), for when one node's
 * index is no longer enough: one case index for the deployment on the cluster at
 * {@code app.query.fulltext.opensearch.url}, named {@code app.query.fulltext.opensearch.index} plus the documents'
 * layout. The same documents as the Lucene index ({@link CaseDocuments}), fed by the same projection through this
 * node's own {@link IndexFeed} (each query node feeds it; external versions keep the newest view, see
 * {@link OpenSearchCaseStore}); its position in the index's {@code _meta}. Rebuilt like the Lucene index: by
 * {@link IndexFeed#rebuild()}, or by deleting the index.
 * <p>
 * Chinese: a stock node has no {@code smartcn} (a plugin), but its {@code analysis-common} module has the
 * {@code cjk_width} and {@code cjk_bigram} filters: the text fields use them behind the standard tokenizer and a
 * lower-casing filter, exactly the chain of Lucene's {@code CJKAnalyzer} without stop words; the dictionary words
 * of a query are cut here, in the application, as for Lucene ({@link OpenSearchCaseSearch}).
 */
@Component
@ConditionalOnProperty(prefix = "app.query.fulltext", name = "engine", havingValue = "opensearch")
public class OpenSearchCaseIndex implements CaseSearchEngine, SmartLifecycle {

    /** Settings and mappings of the case index: the fields of {@link CaseDocuments}, nothing dynamic. */
    static final String DEFINITION = """
            {
              "settings": {
                "index": {"refresh_interval": "1s"},
                "analysis": {
                  "analyzer": {
                    "hotline_bigrams": {
                      "type": "custom",
                      "tokenizer": "standard",
                      "filter": ["cjk_width", "lowercase", "cjk_bigram"]
                    }
                  }
                }
              },
              "mappings": {
                "dynamic": "strict",
                "properties": {
                  "id": {"type": "keyword"},
                  "number": {"type": "keyword"},
                  "title": {"type": "text", "analyzer": "hotline_bigrams"},
                  "content": {"type": "text", "analyzer": "hotline_bigrams"},
                  "notes": {"type": "text", "analyzer": "hotline_bigrams"},
                  "status": {"type": "keyword"},
                  "open": {"type": "keyword"},
                  "lead": {"type": "keyword"},
                  "unit": {"type": "keyword"},
                  "involved": {"type": "keyword"},
                  "category": {"type": "keyword"},
                  "channel": {"type": "keyword"},
                  "urgency": {"type": "keyword"},
                  "area": {"type": "keyword"},
                  "pending": {"type": "keyword"},
                  "nextDue": {"type": "long"},
                  "registered": {"type": "long"},
                  "phone": {"type": "keyword"},
                  "view": {"type": "binary"}
                }
              }
            }
            """;

    private final IndexFeed<OpenSearchIndex> feed;
    private final OpenSearchCaseStore reads;

    @Autowired
    OpenSearchCaseIndex(OpenSearchProperties cluster, FullTextProperties properties, PhoneHasher phones,
                        ReactiveMongoTemplate mongo, StreamableMessageSource<TrackedEventMessage<?>> events,
                        ObjectProvider<MeterRegistry> meters) {
        this(open(cluster), new CaseDocuments(mongo.getConverter()), phones, events, properties);
        meters.ifAvailable(registry -> Gauge.builder("hotline.fulltext.lag", feed, IndexFeed::lag)
                .description("events of the log this node has not applied to the case index yet")
                .tag("index", "cases").register(registry));
    }

    /** The search port over {@code index}, fed from {@code events}: the application's and the tests' way in. */
    OpenSearchCaseIndex(OpenSearchIndex index, CaseDocuments documents, PhoneHasher phones,
                        StreamableMessageSource<TrackedEventMessage<?>> events, FullTextProperties properties) {
        this.reads = new OpenSearchCaseStore(index, documents);
        this.feed = new IndexFeed<>(CaseIndex.FEED, index, () -> projection(index, documents, phones).handlers(),
                events, properties);
    }

    /** The deployment's case index on the cluster, created when missing. */
    static OpenSearchIndex open(OpenSearchProperties cluster) {
        return OpenSearchIndex.open(cluster.client(), cluster.index() + "-" + CaseDocuments.LAYOUT, DEFINITION,
                CaseDocuments.LAYOUT);
    }

    /** A projection writing into {@code index}: what the feed runs, and what tests feed by hand. */
    static CaseIndexProjection projection(OpenSearchIndex index, CaseDocuments documents, PhoneHasher phones) {
        return new CaseIndexProjection(new OpenSearchCaseStore(index, documents), phones);
    }

    @Override
    public IndexFeed<OpenSearchIndex> feed() {
        return feed;
    }

    @Override
    public CaseTextSearch.Found search(CaseFilter filter, Instant now, int page, int size, String cursor) {
        try {
            return OpenSearchCaseSearch.search(feed.index(), filter, now, page, size, cursor);
        } catch (UncheckedIOException | OpenSearchException e) {
            throw new Unavailable("OpenSearch", e);
        }
    }

    @Override
    public List<Suggestion> suggest(Typed typed, Instant now, Duration window, int size) {
        try {
            return OpenSearchDuplicates.suggest(feed.index(), reads, typed, now, window, size);
        } catch (UncheckedIOException | OpenSearchException e) {
            throw new Unavailable("OpenSearch", e);
        }
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

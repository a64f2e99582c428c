package io.hotline.query.search;

import io.hotline.query.fulltext.FullTextProperties;
import io.hotline.query.fulltext.OpenSearchIndex;
import io.hotline.query.fulltext.OpenSearchProperties;
import io.hotline.query.projection.CaseStory;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A case index of its own on the test's OpenSearch node ({@link OpenSearchNode}), fed by hand with the events of
 * {@link CaseStory}s as the index's processor would, and the search port over it ({@link #engine}).
 */
final class OpenSearchCases implements AutoCloseable {

    private static final AtomicInteger INDEXES = new AtomicInteger();

    final OpenSearchIndex index;
    final CaseDocuments documents = new CaseDocuments(IndexedCases.converter());
    final CaseIndexProjection projection;
    final OpenSearchCaseIndex engine;
    final EmbeddedEventStore log = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final String url;

    OpenSearchCases(String url) {
        this(url, "hotline-test-" + INDEXES.incrementAndGet());
    }

    OpenSearchCases(String url, String name) {
        this.url = url;
        this.index = OpenSearchIndex.open(new OpenSearchProperties(url, name, "", "").client(), name,
                OpenSearchCaseIndex.DEFINITION, CaseDocuments.LAYOUT);
        this.projection = OpenSearchCaseIndex.projection(index, documents, IndexedCases.PHONES);
        this.handlers = projection.handlers().stream().map(AnnotationEventHandlerAdapter::new).toList();
        this.engine = new OpenSearchCaseIndex(index, documents, IndexedCases.PHONES, log,
                FullTextProperties.defaults());
    }

    /** Every step of the stories, event by event, outside any batch. */
    OpenSearchCases tell(CaseStory... stories) {
        for (CaseStory story : stories) {
            story.steps().forEach(step -> handle(IndexedCases.message(story.caseId(), step.sequence(),
                    step.event())));
        }
        index.refreshNow();
        return this;
    }

    /** One event of a case, outside any batch. */
    OpenSearchCases tell(String caseId, long sequence, Object event) {
        handle(IndexedCases.message(caseId, sequence, event));
        index.refreshNow();
        return this;
    }

    /** The events as one processor batch. */
    OpenSearchCases batch(List<EventMessage<?>> events) {
        projection.begin(events);
        events.forEach(this::handle);
        projection.flush();
        index.refreshNow();
        return this;
    }

    private void handle(EventMessage<?> message) {
        try {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                handler.handle(message);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        log.shutDown();
        // a client of its own: the feed closes the index's client when it stops
        OpenSearchIndex gone = OpenSearchIndex.open(new OpenSearchProperties(url, index.name(), "", "").client(),
                index.name(), OpenSearchCaseIndex.DEFINITION, CaseDocuments.LAYOUT);
        try {
            gone.client().indices().delete(delete -> delete.index(index.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gone.close();
        index.close();
    }
}

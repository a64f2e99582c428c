package io.hotline.query.search;

import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.ProgressRecorded;
import io.hotline.query.projection.CaseViewProjection;
import io.hotline.query.projection.ViewChanges;
import io.hotline.query.projection.ViewStore;
import io.hotline.query.personal.PhoneHasher;
import io.hotline.query.readmodel.ProjectionBatch;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.List;

/**
 * What the case index's processor runs: the case-view projection over the index ({@link CaseIndexStore}, or
 * {@link OpenSearchCaseStore} on OpenSearch), and
 * beside it the notes and replies the view keeps only the last of. Handed to the processor ahead of the view
 * projection, so an event's note is recorded before the view it belongs to is stored. A batch begins, flushes
 * and is discarded as the view projection's batch is.
 */
public final class CaseIndexProjection implements ProjectionBatch {

    private final CaseNotes store;
    private final CaseViewProjection views;

    <S extends ViewStore & CaseNotes> CaseIndexProjection(S store, PhoneHasher phones) {
        this.store = store;
        this.views = new CaseViewProjection(store, phones, ViewChanges.NONE);
    }

    /** The event handlers, in the order they must see each event. */
    public List<Object> handlers() {
        return List.of(this, views);
    }

    @EventHandler
    void on(ProgressRecorded event, @SequenceNumber long sequence) {
        store.note(event.caseId(), sequence, event.note());
    }

    @EventHandler
    void on(CaseReplied event, @SequenceNumber long sequence) {
        store.note(event.caseId(), sequence, event.text());
    }

    @Override
    public void begin(List<? extends EventMessage<?>> events) {
        store.forgetNotes();
        views.begin(events);
    }

    @Override
    public void flush() {
        views.flush();
        store.forgetNotes();
    }

    @Override
    public void discard() {
        views.discard();
        store.forgetNotes();
    }
}

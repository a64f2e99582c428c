package io.hotline.query.projection;

import io.hotline.query.caseview.CaseView;
import io.hotline.query.inbox.Inbox;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The case read model fed in processor batches (one lookup, changes in memory, one write per document at the
 * end) is the read model fed event by event: whatever the batch size, when a flush is cut short and the batch
 * comes again (longer, as a retry may read more of the log), and when an applied batch comes again.
 */
class BatchedProjectionTest {

    private static final List<CaseStory.Step> LOG = RedeliveryTest.log(RedeliveryTest.stories());
    private static final Map<String, String> ONE_BY_ONE = oneByOne();

    private static Map<String, String> oneByOne() {
        InMemoryViewStore store = new InMemoryViewStore();
        CaseViewProjection projection = projection(store);
        LOG.forEach(step -> CaseStory.feed(projection, step));
        return store.snapshot();
    }

    private static CaseViewProjection projection(ViewStore store) {
        return new CaseViewProjection(store, CaseViewProjectionTest.PHONES, ViewChanges.NONE);
    }

    /** Feeds steps {@code from..to-1} as one batch, as the processor's unit of work would. */
    private static void batch(CaseViewProjection projection, int from, int to) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (CaseStory.Step step : LOG.subList(from, to)) {
            events.add(new GenericDomainEventMessage<>("Case", caseId(step), step.sequence(), step.event()));
        }
        projection.begin(events);
        try {
            for (int i = from; i < to; i++) {
                projection.next(events.get(i - from));
                CaseStory.feed(projection, LOG.get(i));
            }
            projection.flush();
        } catch (RuntimeException e) {
            projection.discard();
            throw e;
        }
    }

    private static String caseId(CaseStory.Step step) {
        try {
            return (String) step.event().getClass().getMethod("caseId").invoke(step.event());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void inBatches(CaseViewProjection projection, int size) {
        for (int from = 0; from < LOG.size(); from += size) {
            batch(projection, from, Math.min(LOG.size(), from + size));
        }
    }

    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 2, 5, 13, 1000})
    void batchesOfAnySizeGiveTheDocumentsOfOneByOne(int size) {
        InMemoryViewStore store = new InMemoryViewStore();
        inBatches(projection(store), size);
        assertThat(store.snapshot()).isEqualTo(ONE_BY_ONE);
    }

    @Test
    void oneBatchWritesEachTouchedDocumentOnce() {
        InMemoryViewStore store = new InMemoryViewStore();
        inBatches(projection(store), LOG.size());
        assertThat(store.caseWrites).isEqualTo(store.cases.size());
        assertThat(store.inboxWrites).isEqualTo(store.inboxes.size());
    }

    @ParameterizedTest(name = "the flush fails at its write #{0}")
    @ValueSource(ints = {0, 1, 2, 3, 5, 7, 8, 9})
    void aFlushCutShortIsFinishedByTheRetriedBatch(int failingWrite) {
        FailingStore store = new FailingStore(failingWrite);
        int size = 6;
        int from = 0;
        boolean failed = false;
        while (from < LOG.size()) {
            int to = Math.min(LOG.size(), from + size);
            try {
                batch(projection(store), from, to);
                from = to;
            } catch (IllegalStateException e) {
                failed = true;
                size = 9; // the retry starts at the same event and may read further
            }
        }
        assertThat(failed).isTrue();
        assertThat(store.snapshot()).isEqualTo(ONE_BY_ONE);
    }

    @Test
    void theListsLengthLostAfterItsViewsWereStoredIsFoundAgainByTheRetriedBatch() {
        FailingStore store = new FailingStore(Integer.MAX_VALUE);
        store.failListLength = true;
        int half = LOG.size() / 2;
        try {
            batch(projection(store), 0, half);
        } catch (IllegalStateException expected) {
            // the views of the first half are stored; the length of the list is not
        }
        assertThat(store.listLength).isZero();

        batch(projection(store), 0, half);
        inBatches(projection(store), 5);

        assertThat(store.snapshot()).isEqualTo(ONE_BY_ONE);
    }

    @Test
    void anAppliedBatchDeliveredAgainWritesNothing() {
        InMemoryViewStore store = new InMemoryViewStore();
        CaseViewProjection projection = projection(store);
        inBatches(projection, 7);
        int caseWrites = store.caseWrites;
        int inboxWrites = store.inboxWrites;

        batch(projection, 3, 17);

        assertThat(store.caseWrites).isEqualTo(caseWrites);
        assertThat(store.inboxWrites).isEqualTo(inboxWrites);
        assertThat(store.snapshot()).isEqualTo(ONE_BY_ONE);
    }

    @Test
    void readersHearOfABatchOnlyOnceItIsStored() {
        InMemoryViewStore store = new InMemoryViewStore();
        List<String> told = new ArrayList<>();
        CaseViewProjection projection = new CaseViewProjection(store, CaseViewProjectionTest.PHONES, new ViewChanges() {
            @Override
            public void caseChanged(String caseId, long version) {
                assertThat(store.view(caseId).version()).isEqualTo(version);
                told.add(caseId);
            }

            @Override
            public void inboxesChanged(Set<String> units) {
                told.addAll(units);
            }
        });
        inBatches(projection, LOG.size());
        assertThat(told).contains("c1", "c2", "c3", "c4");
    }

    /**
     * Fails its n-th write of a document (inboxes, case views and the list's length counted together), once; or,
     * when asked, its first write of the list's length.
     */
    private static final class FailingStore extends InMemoryViewStore {
        private int writesBeforeFailure;
        private boolean failListLength;

        FailingStore(int writesBeforeFailure) {
            this.writesBeforeFailure = writesBeforeFailure;
        }

        private void maybeFail() {
            if (writesBeforeFailure-- == 0) {
                throw new IllegalStateException("injected: the node died in the middle of the flush");
            }
        }

        @Override
        public void saveCase(CaseView view) {
            maybeFail();
            super.saveCase(view);
        }

        @Override
        public void saveInbox(Inbox inbox) {
            maybeFail();
            super.saveInbox(inbox);
        }

        @Override
        public void saveListLength(long length) {
            if (failListLength) {
                failListLength = false;
                throw new IllegalStateException("injected: the node died before the list's length was stored");
            }
            maybeFail();
            super.saveListLength(length);
        }
    }
}

package io.hotline.query.figures;

import io.hotline.query.figures.ledger.InMemoryFigureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures booked in processor batches (facts read in one lookup, deltas summed per bucket, every document
 * written once at the end) are the figures booked event by event, exactly once: whatever the batch size, when
 * the flush is cut short in the buckets or in the facts and the batch comes again (from its first event,
 * perhaps longer, perhaps on another node), and when an applied batch comes again.
 */
class BatchedFiguresTest {

    private static final List<CaseScript.Booked> EVENTS = SeededCases.inOrder();
    private static final InMemoryFigureStore.Snapshot ONCE = new FiguresHarness().feed(EVENTS).store.snapshot();

    private static void inBatches(FiguresHarness figures, int size) {
        for (int from = 0; from < EVENTS.size(); from += size) {
            figures.deliverBatch(EVENTS, from, Math.min(EVENTS.size(), from + size));
        }
    }

    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 3, 17, 100, 100_000})
    void batchesOfAnySizeGiveTheFiguresOfOneByOne(int size) {
        FiguresHarness figures = new FiguresHarness().batched();
        inBatches(figures, size);
        assertThat(figures.store.snapshot()).isEqualTo(ONCE);
    }

    @ParameterizedTest(name = "crash after {0} bucket update(s)")
    @ValueSource(ints = {0, 1, 5, 40})
    void aFlushCutShortInTheBucketsCountsEveryEventOnce(int buckets) {
        InMemoryFigureStore store = new InMemoryFigureStore();
        store.failNextAddAfter(buckets);
        assertThat(deliverRetrying(new FiguresHarness(store).batched())).isTrue();
        assertThat(store.snapshot()).isEqualTo(ONCE);
    }

    @ParameterizedTest(name = "crash after {0} facts saved")
    @ValueSource(ints = {0, 1, 7})
    void aFlushCutShortInTheFactsCountsEveryEventOnce(int saves) {
        InMemoryFigureStore store = new InMemoryFigureStore();
        store.failSavesAfter(saves);
        assertThat(deliverRetrying(new FiguresHarness(store).batched())).isTrue();
        assertThat(store.snapshot().facts()).isEqualTo(ONCE.facts());
        assertThat(store.snapshot().keys()).isEqualTo(ONCE.keys());
        assertThat(store.snapshot().buckets().entrySet()).containsExactlyElementsOf(ONCE.buckets().entrySet());
    }

    @Test
    void anAppliedBatchDeliveredAgainChangesNothing() {
        FiguresHarness figures = new FiguresHarness().batched();
        inBatches(figures, 25);
        figures.deliverBatch(EVENTS, 10, 40);
        figures.deliverBatch(EVENTS, 0, EVENTS.size());
        assertThat(figures.store.snapshot()).isEqualTo(ONCE);
    }

    @Test
    void batchedAndOneByOneDeliveriesMix() {
        FiguresHarness figures = new FiguresHarness();
        figures.feed(EVENTS.subList(0, 20));
        figures.batched();
        figures.deliverBatch(EVENTS, 12, 40);
        figures.restart();
        figures.feed(EVENTS.subList(35, EVENTS.size()));
        assertThat(figures.store.snapshot()).isEqualTo(ONCE);
    }

    /**
     * Delivers the log in batches of 20; a failing batch comes again from its first event as a batch of 31, by a
     * fresh projection (another node). Whether some batch failed.
     */
    private static boolean deliverRetrying(FiguresHarness figures) {
        boolean failed = false;
        int size = 20;
        int from = 0;
        while (from < EVENTS.size()) {
            int to = Math.min(EVENTS.size(), from + size);
            try {
                figures.deliverBatch(EVENTS, from, to);
                from = to;
            } catch (IllegalStateException e) {
                failed = true;
                size = 31;
                figures.batched();
            }
        }
        return failed;
    }
}

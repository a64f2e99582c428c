package io.hotline.query.figures;

import io.hotline.query.figures.ledger.InMemoryFigureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The figures stay exact whatever the delivery: events delivered twice, the whole log delivered again,
 * cases interleaved differently, and an event interrupted half-way through its bucket
 * updates (or before its facts were saved) and retried, by the same node or by another one (a fresh ledger
 * over the same store).
 */
class ReplayAndRedeliveryTest {

    private static final List<CaseScript.Booked> EVENTS = SeededCases.inOrder();
    private static final InMemoryFigureStore.Snapshot ONCE = new FiguresHarness().feed(EVENTS).store.snapshot();

    @Test
    void everyEventDeliveredTwiceCountsOnce() {
        FiguresHarness figures = new FiguresHarness();
        EVENTS.forEach(event -> {
            figures.deliver(event);
            figures.deliver(event);
        });
        assertThat(figures.store.snapshot()).isEqualTo(ONCE);
    }

    @Test
    void theWholeLogDeliveredAgainChangesNothing() {
        FiguresHarness figures = new FiguresHarness().feed(EVENTS).feed(EVENTS);
        assertThat(figures.store.snapshot()).isEqualTo(ONCE);
    }

    @Test
    void casesInterleavedDifferentlyGiveTheSameBuckets() {
        // Only each case's own order is guaranteed; shuffle how cases interleave.
        List<List<CaseScript.Booked>> perCase = new ArrayList<>();
        SeededCases.all().forEach(script -> perCase.add(new ArrayList<>(script.events())));
        Random random = new Random(12345);
        List<CaseScript.Booked> interleaved = new ArrayList<>();
        while (perCase.stream().anyMatch(events -> !events.isEmpty())) {
            List<CaseScript.Booked> next = perCase.get(random.nextInt(perCase.size()));
            if (!next.isEmpty()) {
                interleaved.add(next.remove(0));
            }
        }
        assertThat(interleaved).isNotEqualTo(EVENTS);
        assertThat(new FiguresHarness().feed(interleaved).store.snapshot()).isEqualTo(ONCE);
    }

    @ParameterizedTest(name = "crash after {0} bucket(s)")
    @ValueSource(ints = {0, 1, 7})
    void anEventCutShortInItsBucketsIsFinishedExactlyOnRetry(int bucketsWritten) {
        for (int crashing = 0; crashing < EVENTS.size(); crashing++) {
            for (boolean restart : new boolean[]{false, true}) {
                FiguresHarness figures = new FiguresHarness();
                for (int i = 0; i < EVENTS.size(); i++) {
                    CaseScript.Booked event = EVENTS.get(i);
                    if (i == crashing) {
                        figures.store.failNextAddAfter(bucketsWritten);
                        assertThatThrownBy(() -> figures.deliver(event)).isInstanceOf(IllegalStateException.class);
                        if (restart) {
                            figures.restart();
                        }
                    }
                    figures.deliver(event); // the processor retries the failed event before any other
                }
                assertThat(figures.store.snapshot()).as("crash at event %d (restart %s)", crashing, restart)
                        .isEqualTo(ONCE);
            }
        }
    }

    @Test
    void anEventWhoseFactsWereNotSavedIsFinishedExactlyOnRetry() {
        for (int crashing = 0; crashing < EVENTS.size(); crashing++) {
            FiguresHarness figures = new FiguresHarness();
            for (int i = 0; i < EVENTS.size(); i++) {
                CaseScript.Booked event = EVENTS.get(i);
                if (i == crashing) {
                    figures.store.failNextSave();
                    assertThatThrownBy(() -> figures.deliver(event)).isInstanceOf(IllegalStateException.class);
                }
                figures.deliver(event);
            }
            assertThat(figures.store.snapshot()).as("crash at event %d", crashing).isEqualTo(ONCE);
        }
    }

    @Test
    void eventsOfOneCaseOutOfTheirOrderAreNotBookedTwice() {
        // A redelivered older event after a newer one: skipped by the facts' version.
        List<CaseScript.Booked> withStale = new ArrayList<>(EVENTS);
        Collections.reverse(withStale);
        FiguresHarness figures = new FiguresHarness().feed(EVENTS).feed(withStale);
        assertThat(figures.store.snapshot()).isEqualTo(ONCE);
    }
}

package io.hotline.query.figures;

import io.hotline.query.figures.buckets.Tally;
import io.hotline.query.figures.ledger.InMemoryFigureStore;
import io.hotline.query.figures.levels.UnitTree.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subtree buckets (a unit's ancestors' share of each cell) follow the directory's events in the log: the seeded
 * cases' three units under a tree (CGJ and JTJ under SWJ), with JTJ moved under CGJ halfway through the month. The
 * subtree buckets are exact, and booked in batches of any size, cut short and retried, or delivered twice, they
 * are the buckets of one delivery event by event, the figures' copy of the tree included.
 */
class SubtreeBucketsTest {

    private static final List<CaseScript.Booked> LOG = log();
    private static final InMemoryFigureStore.Snapshot ONCE = new FiguresHarness().feed(LOG).store.snapshot();

    private static List<CaseScript.Booked> log() {
        List<CaseScript.Booked> directory = FiguresHarness.directory(List.of(
                new Node("SWJ", "CITY_DEPARTMENT", null, List.of("SWJ")),
                new Node("CGJ", "CITY_DEPARTMENT", "SWJ", List.of("SWJ", "CGJ")),
                new Node("JTJ", "CITY_DEPARTMENT", "SWJ", List.of("SWJ", "JTJ"))), "2024-01-02T09:00");
        List<CaseScript.Booked> log = new ArrayList<>(directory);
        List<CaseScript.Booked> cases = new ArrayList<>(SeededCases.inOrder());
        cases.add(FiguresHarness.moved("JTJ", "CGJ", "SWJ", directory.size(), "2024-10-10T00:00"));
        cases.sort(Comparator.comparing(CaseScript.Booked::at));
        log.addAll(cases);
        return log;
    }

    @Test
    void theRootsSubtreeHoldsExactlyWhatTheUnitsBelowItDid() {
        Map<String, Tally> buckets = ONCE.buckets();
        List<String> months = buckets.keySet().stream().filter(id -> id.startsWith("M|") && id.endsWith("|SWJ|*|*"))
                .map(id -> id.substring(0, id.indexOf("|SWJ|"))).toList();
        assertThat(months).isNotEmpty();
        for (String month : months) {
            Tally below = Tally.empty();
            below.plus(buckets.getOrDefault(month + "|CGJ|*|*", Tally.empty()));
            below.plus(buckets.getOrDefault(month + "|JTJ|*|*", Tally.empty()));
            assertThat(buckets.get(month + "|^SWJ|*|*")).as(month).isEqualTo(below);
        }
        // JTJ's cases after the move are CGJ's subtree's too; before it, SWJ's only
        assertThat(buckets.keySet()).anyMatch(id -> id.contains("|^CGJ|"));
        assertThat(buckets.keySet()).noneMatch(id -> id.contains("|^JTJ|"));
        assertThat(ONCE.tree()).containsEntry("JTJ", "CGJ");
    }

    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 7, 100_000})
    void batchesOfAnySizeGiveTheSubtreeBucketsOfOneByOne(int size) {
        FiguresHarness figures = new FiguresHarness().batched();
        for (int from = 0; from < LOG.size(); from += size) {
            figures.deliverBatch(LOG, from, Math.min(LOG.size(), from + size));
        }
        assertThat(figures.store.snapshot()).isEqualTo(ONCE);
    }

    @ParameterizedTest(name = "crash after {0} facts saved")
    @ValueSource(ints = {0, 1, 7})
    void aFlushCutShortAroundAMoveIsRetriedUnderTheSameTree(int saves) {
        InMemoryFigureStore store = new InMemoryFigureStore();
        FiguresHarness figures = new FiguresHarness(store).batched();
        int move = LOG.indexOf(LOG.stream().filter(event -> event.event() instanceof
                io.hotline.kernel.units.UnitMoved).findFirst().orElseThrow());
        // the failing batch holds events on both sides of the move
        int from = Math.max(0, move - 10);
        figures.deliverBatch(LOG, 0, from);
        int size = 20;
        boolean failed = false;
        store.failSavesAfter(saves);
        while (from < LOG.size()) {
            int to = Math.min(LOG.size(), from + size);
            try {
                figures.deliverBatch(LOG, from, to);
                from = to;
            } catch (IllegalStateException e) {
                failed = true;
                size = 31;
                figures.batched();
            }
        }
        assertThat(failed).isTrue();
        assertThat(store.snapshot()).isEqualTo(ONCE);
    }

    @Test
    void theWholeLogDeliveredAgainChangesNothing() {
        assertThat(new FiguresHarness().feed(LOG).feed(LOG).store.snapshot()).isEqualTo(ONCE);
    }
}

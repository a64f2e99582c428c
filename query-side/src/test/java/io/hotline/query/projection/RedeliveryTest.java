package io.hotline.query.projection;

import io.hotline.kernel.cases.Satisfaction;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.inbox.Inbox;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A redelivered or replayed event changes nothing twice, and a crash between the writes heals on redelivery. */
class RedeliveryTest {

    static List<CaseStory> stories() {
        return List.of(
                CaseStory.of("c1").registered("N1").dispatched("WATER", "STREET").objected("WATER")
                        .designated("WATER", "PARKS").signedFor("PARKS").transferred("PARKS", "DISTRICT")
                        .signedFor("DISTRICT").materials("DISTRICT", false).materials("DISTRICT", true)
                        .replied("DISTRICT", true).feedback(Satisfaction.DISSATISFIED).reopened("DISTRICT")
                        .urged("DISTRICT"),
                CaseStory.of("c2").registered("N2").dispatched("WATER").signedFor("WATER").supervised(),
                CaseStory.of("c3").registered("N3").linked("c4", "N4"),
                CaseStory.of("c4").registered("N4").merged("c3", "N3"));
    }

    /** The steps of all stories interleaved, as a log of several cases would deliver them. */
    static List<CaseStory.Step> log(List<CaseStory> stories) {
        List<CaseStory.Step> all = new ArrayList<>();
        int longest = stories.stream().mapToInt(story -> story.steps().size()).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (CaseStory story : stories) {
                if (i < story.steps().size()) {
                    all.add(story.steps().get(i));
                }
            }
        }
        return all;
    }

    private static Map<String, String> project(List<CaseStory.Step> steps, InMemoryViewStore store) {
        CaseViewProjection projection = new CaseViewProjection(store, CaseViewProjectionTest.PHONES, ViewChanges.NONE);
        steps.forEach(step -> CaseStory.feed(projection, step));
        return store.snapshot();
    }

    @Test
    void theSameEventsTwiceGiveIdenticalDocuments() {
        List<CaseStory.Step> log = log(stories());
        Map<String, String> once = project(log, new InMemoryViewStore());

        InMemoryViewStore twiceStore = new InMemoryViewStore();
        List<CaseStory.Step> twice = new ArrayList<>(log);
        twice.addAll(log);
        Map<String, String> twiceOver = project(twice, twiceStore);

        assertThat(twiceOver).isEqualTo(once);
    }

    @Test
    void aRedeliveredBatchWritesNothing() {
        List<CaseStory.Step> log = log(stories());
        InMemoryViewStore store = new InMemoryViewStore();
        project(log, store);
        int caseWrites = store.caseWrites;
        int inboxWrites = store.inboxWrites;

        project(log.subList(log.size() / 2, log.size()), store);

        assertThat(store.caseWrites).isEqualTo(caseWrites);
        assertThat(store.inboxWrites).isEqualTo(inboxWrites);
    }

    @Test
    void aReplayAfterTheFactOfOneCaseLeavesTheLaterStateAlone() {
        CaseStory story = stories().get(0);
        InMemoryViewStore store = new InMemoryViewStore();
        project(story.steps(), store);
        CaseView before = store.view("c1");

        project(story.steps().subList(0, 3), store);

        assertThat(store.view("c1").version()).isEqualTo(before.version());
        assertThat(store.inbox("WATER").entries()).isEmpty();
    }

    @Test
    void aCrashBetweenTheInboxAndTheCaseWriteHealsWhenTheEventComesAgain() {
        List<CaseStory.Step> log = log(stories());
        Map<String, String> clean = project(log, new InMemoryViewStore());

        FailingOnceStore store = new FailingOnceStore(7);
        CaseViewProjection projection = new CaseViewProjection(store, CaseViewProjectionTest.PHONES, ViewChanges.NONE);
        int failedAt = -1;
        for (int i = 0; i < log.size(); i++) {
            CaseStory.Step step = log.get(i);
            if (failedAt < 0 && store.failsNext()) {
                failedAt = i;
                assertThatThrownBy(() -> CaseStory.feed(projection, step)).isInstanceOf(IllegalStateException.class);
                i--; // the processor retries the same event
                continue;
            }
            CaseStory.feed(projection, step);
        }

        assertThat(failedAt).isNotNegative();
        assertThat(store.snapshot()).isEqualTo(clean);
    }

    /** Fails the n-th case write, after the inbox writes of that event went through. */
    static final class FailingOnceStore extends InMemoryViewStore {
        private int writesBeforeFailure;
        private boolean failed;

        FailingOnceStore(int writesBeforeFailure) {
            this.writesBeforeFailure = writesBeforeFailure;
        }

        boolean failsNext() {
            return !failed && writesBeforeFailure == 0;
        }

        @Override
        public void saveCase(CaseView view) {
            if (!failed && writesBeforeFailure-- == 0) {
                failed = true;
                throw new IllegalStateException("the node died before storing the case view");
            }
            super.saveCase(view);
        }

        @Override
        public void saveInbox(Inbox inbox) {
            super.saveInbox(inbox);
        }
    }
}

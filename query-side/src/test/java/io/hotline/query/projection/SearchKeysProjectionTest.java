package io.hotline.query.projection;

import io.hotline.query.search.CaseCalendar;
import io.hotline.query.search.SearchKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cases enter and leave the search keys' documents with their events: the day of registration in the city's zone
 * (with the calendar of days), the citizen's phone hash until the citizen is erased, and every number the case
 * has, its own and the merged ones.
 */
class SearchKeysProjectionTest {

    final InMemoryViewStore store = new InMemoryViewStore();
    final CaseViewProjection projection = new CaseViewProjection(store, CaseViewProjectionTest.PHONES,
            CaseViewProjectionTest.ZONE, ViewChanges.NONE);
    final String phoneHash = CaseViewProjectionTest.PHONES.hash(CaseStory.PHONE);

    @Test
    void aRegisteredCaseIsUnderItsCityDayItsPhoneAndItsNumber() {
        // 2026-11-20T17:30Z is already 01:30 on the 21st in Shanghai
        CaseStory.of("c1", CaseStory.START.plus(Duration.ofMinutes(16 * 60 + 30))).registered("N1").tell(projection);
        CaseStory.of("c2").registered("N2").tell(projection);

        assertThat(store.keyed(SearchKey.DAY, "2026-11-21")).containsExactly("c1");
        assertThat(store.keyed(SearchKey.DAY, "2026-11-20")).containsExactly("c2");
        assertThat(store.calendar()).containsExactly("2026-11-20", "2026-11-21");
        assertThat(store.keyed(SearchKey.PHONE, phoneHash)).as("newest first").containsExactly("c1", "c2");
        assertThat(store.keyed(SearchKey.NUMBER, "N1")).containsExactly("c1");
        assertThat(store.keyed(SearchKey.NUMBER, "N2")).containsExactly("c2");
    }

    @Test
    void casesOfOneMomentAreKeptInIdOrder() {
        CaseStory.of("c9").registered("N9").tell(projection);
        CaseStory.of("c3").registered("N3").tell(projection);
        CaseStory.of("c5").registered("N5").tell(projection);

        assertThat(store.keyed(SearchKey.DAY, "2026-11-20")).containsExactly("c3", "c5", "c9");
    }

    @Test
    void aMergeAddsTheRepeatedRequestsNumberToTheCaseItWasMergedInto() {
        CaseStory.of("c3").registered("N3").linked("c4", "N4").tell(projection);
        CaseStory.of("c4").registered("N4").merged("c3", "N3").tell(projection);

        assertThat(store.keyed(SearchKey.NUMBER, "N4")).containsExactlyInAnyOrder("c3", "c4");
        assertThat(store.keyed(SearchKey.NUMBER, "N3")).containsExactly("c3");
    }

    @Test
    void anErasedCitizensCaseLeavesThePhoneButKeepsItsDayAndNumber() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER");
        story.tell(projection);
        CaseStory.of("c2").registered("N2").tell(projection);
        assertThat(store.keyed(SearchKey.PHONE, phoneHash)).contains("c1");

        CaseStory.feed(projection, story.erased().steps().get(2));

        assertThat(store.keyed(SearchKey.PHONE, phoneHash)).containsExactly("c2");
        assertThat(store.keyed(SearchKey.DAY, "2026-11-20")).contains("c1");
        assertThat(store.keyed(SearchKey.NUMBER, "N1")).containsExactly("c1");
    }

    @Test
    void aCalendarWriteLostAfterItsDayIsMadeGoodByTheRedeliveredEvent() {
        FailingCalendarStore failing = new FailingCalendarStore();
        CaseViewProjection projecting = new CaseViewProjection(failing, CaseViewProjectionTest.PHONES,
                CaseViewProjectionTest.ZONE, ViewChanges.NONE);
        CaseStory story = CaseStory.of("c1").registered("N1");

        assertThatThrownBy(() -> story.tell(projecting)).isInstanceOf(IllegalStateException.class);
        assertThat(failing.keyed(SearchKey.DAY, "2026-11-20")).containsExactly("c1");
        assertThat(failing.calendar()).isEmpty();

        story.tell(projecting);

        assertThat(failing.calendar()).containsExactly("2026-11-20");
        assertThat(failing.view("c1").version()).isZero();
    }

    /** Dies at the first calendar write, after the day's document was stored. */
    private static final class FailingCalendarStore extends InMemoryViewStore {
        private boolean failed;

        @Override
        public void saveCalendar(CaseCalendar calendar) {
            if (!failed) {
                failed = true;
                throw new IllegalStateException("the node died before storing the calendar");
            }
            super.saveCalendar(calendar);
        }
    }

    @Test
    void theSameEventsAgainChangeNoDocument() {
        List<CaseStory> stories = RedeliveryTest.stories();
        stories.forEach(story -> story.tell(projection));
        var before = store.snapshot();
        int writes = store.keyedWrites;

        stories.forEach(story -> story.tell(projection));

        assertThat(store.keyedWrites).isEqualTo(writes);
        assertThat(store.snapshot()).isEqualTo(before);
    }
}

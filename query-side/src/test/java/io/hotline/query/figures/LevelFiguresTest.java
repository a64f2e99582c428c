package io.hotline.query.figures;

import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Category;
import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.answers.OpenNow;
import io.hotline.query.figures.buckets.FigureFilter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hotline.query.figures.FigureAssertions.fraction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of dispatch by level (分级派单): each level is judged on its own part against its own limits, the
 * review (办结审核) is the reviewer's step, a returned draft is a round that did not pass, and the reply after an
 * approval is the drafting unit's answer.
 */
class LevelFiguresTest {

    private static final String DISTRICT = "HC";
    private static final String STREET = "HC-JY";

    /** District signs, sends down, the street signs late, drafts, is returned once, drafts late, approved late. */
    static CaseScript reviewedTwice() {
        return CaseScript.registered("L1", Category.HELP, "371002", "2024-10-08T09:00")
                .dispatched(DISTRICT, "2024-10-08T09:05", "2024-10-09T09:05")
                .signedFor(DISTRICT, "2024-10-08T10:00", true, "2024-10-18T10:00")
                .dispatchedDown(DISTRICT, STREET, 2, "2024-10-08T11:00", "2024-10-09T11:00")
                .signedFor(STREET, "2024-10-09T12:00", false, "2024-10-15T12:00")
                .submittedForReview(STREET, DISTRICT, "2024-10-14T10:00", true, "2024-10-15T10:00")
                .returned(DISTRICT, STREET, "2024-10-14T15:00", true)
                .submittedForReview(STREET, DISTRICT, "2024-10-16T10:00", false, "2024-10-17T10:00")
                .reviewMissed(DISTRICT, "2024-10-17T10:00")
                .approved(DISTRICT, STREET, "2024-10-17T11:00", false, false)
                .feedback("2024-10-18T09:00", Satisfaction.SATISFIED, true, true);
    }

    @Test
    void eachLevelIsJudgedOnItsOwnPart() {
        FiguresHarness figures = new FiguresHarness().feed(reviewedTwice().events());

        FigureSet district = unit(figures, DISTRICT);
        fraction(district.response(), 1, 1);
        // its own clock ran on and was settled by the reply from below, a day before its own due
        fraction(district.onTimeCompletion(), 1, 1);
        fraction(district.onTimeReview(), 1, 2);          // the return in time, the approval after the watch's mark
        fraction(district.feedbackCoverage(), 0, 0);      // the answer is the street's, not the district's
        fraction(district.transfersPerCase(), 0, 1);      // 首问: the district was dispatched to

        FigureSet street = unit(figures, STREET);
        fraction(street.response(), 0, 1);
        fraction(street.onTimeCompletion(), 1, 2);        // the returned draft was on time, the rework was not
        fraction(street.draftsReturned(), 1, 2);
        fraction(street.onTimeReview(), 0, 0);
        fraction(street.satisfaction(), 1, 1);
        fraction(street.feedbackCoverage(), 1, 1);
        // the rework round, Mon 14 Oct 15:00 to its draft on Wed 16 Oct 10:00, not the review after it
        assertThat(street.handlingTime().replies()).isEqualTo(1);
        assertThat(street.handlingTime().totalWorkingSeconds()).isEqualTo(43L * 3600);

        fraction(figures.summary("2024-10-14", "2024-10-14").figures().onTimeCompletion(), 1, 1);
        fraction(figures.summary("2024-10-16", "2024-10-16").figures().draftsReturned(), 0, 1);
        assertThat(figures.summary("2024-10-01", "2024-10-31").now()).isEqualTo(new OpenNow(0, 0));
    }

    @Test
    void aReviewOverdueMakesTheCaseOverdueUntilTheReviewerActs() {
        List<CaseScript.Booked> events = reviewedTwice().events();
        FiguresHarness figures = new FiguresHarness().feed(events.subList(0, 8));
        assertThat(figures.summary("2024-10-01", "2024-10-31").now()).isEqualTo(new OpenNow(1, 0));
        figures.deliver(events.get(8));
        assertThat(figures.summary("2024-10-01", "2024-10-31").now()).isEqualTo(new OpenNow(1, 1));
        fraction(unit(figures, DISTRICT).onTimeReview(), 1, 2);
    }

    @Test
    void aCaseTakenBackBeforeTheStreetSignedJudgesOnlyTheDistrict() {
        CaseScript script = CaseScript.registered("L2", Category.REPORT, "371002", "2024-10-08T09:00")
                .dispatched(DISTRICT, "2024-10-08T09:05", "2024-10-09T09:05")
                .signedFor(DISTRICT, "2024-10-08T10:00", true, "2024-10-18T10:00")
                .dispatchedDown(DISTRICT, STREET, 2, "2024-10-08T11:00", "2024-10-09T11:00")
                .takenBack(STREET, DISTRICT, "2024-10-08T16:00", "2024-10-18T10:00")
                .signForMissed(STREET, "2024-10-09T11:00")
                .replied(DISTRICT, "2024-10-10T10:00", true);
        FiguresHarness figures = new FiguresHarness().feed(script.events());

        FigureSet street = unit(figures, STREET);
        fraction(street.response(), 0, 0);
        FigureSet district = unit(figures, DISTRICT);
        fraction(district.onTimeCompletion(), 1, 1);
        fraction(district.feedbackCoverage(), 0, 1);      // the district's own reply: its answer
        assertThat(figures.summary("2024-10-01", "2024-10-31").now()).isEqualTo(new OpenNow(0, 0));
    }

    @Test
    void anObjectionOverruledGivesTheLowerUnitAFreshSignForLimit() {
        CaseScript script = CaseScript.registered("L3", Category.REPORT, "371002", "2024-10-08T09:00")
                .dispatched(DISTRICT, "2024-10-08T09:05", "2024-10-09T09:05")
                .signedFor(DISTRICT, "2024-10-08T10:00", true, "2024-10-18T10:00")
                .dispatchedDown(DISTRICT, STREET, 2, "2024-10-08T11:00", "2024-10-09T11:00")
                .objected(STREET, "2024-10-08T15:00")
                .signForMissed(STREET, "2024-10-09T11:00")
                .objectionOverruled(STREET, DISTRICT, "2024-10-09T14:00", "2024-10-10T14:00")
                .signedFor(STREET, "2024-10-10T09:00", true, "2024-10-16T09:00");
        FiguresHarness figures = new FiguresHarness().feed(script.events());

        fraction(unit(figures, STREET).response(), 1, 1);
        assertThat(figures.summary("2024-10-01", "2024-10-31").now()).isEqualTo(new OpenNow(1, 0));
    }

    @Test
    void deliveringTheStoryTwiceChangesNothing() {
        List<CaseScript.Booked> events = reviewedTwice().events();
        FiguresHarness once = new FiguresHarness().feed(events);
        FiguresHarness twice = new FiguresHarness().feed(events);
        twice.feed(events);
        assertThat(twice.summary("2024-10-01", "2024-10-31")).isEqualTo(once.summary("2024-10-01", "2024-10-31"));
        assertThat(unit(twice, STREET)).isEqualTo(unit(once, STREET));
    }

    private static FigureSet unit(FiguresHarness figures, String unit) {
        return figures.summary("2024-10-01", "2024-10-31", new FigureFilter(unit, null, null)).figures();
    }
}

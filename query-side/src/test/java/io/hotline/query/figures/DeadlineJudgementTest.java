package io.hotline.query.figures;

import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.ledger.FiguresChanged;
import io.hotline.query.figures.answers.OpenNow;
import io.hotline.query.figures.answers.Overdue;
import io.hotline.query.figures.answers.Summary;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Category;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.hotline.query.figures.FigureAssertions.fraction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How deadlines are judged as a case moves: an extension approved after an overdue declaration voids it (the
 * figures follow the deadline in force), a step left before it was settled judges nobody, and the figures
 * move when a judgement changes.
 */
class DeadlineJudgementTest {

    @Test
    void anExtensionMovesTheDeadlineAndVoidsTheOverdueDeclaration() {
        CaseScript script = CaseScript.registered("X1", Category.HELP, "370602", "2024-10-08T09:00")
                .dispatched("SWJ", "2024-10-08T09:05", "2024-10-09T09:05")
                .signedFor("SWJ", "2024-10-08T10:00", true, "2024-10-10T10:00")
                .completionMissed("SWJ", "2024-10-10T10:00")
                .extensionApproved("2024-10-10T11:00", 3, "2024-10-15T10:00")
                .replied("SWJ", "2024-10-14T10:00", true);
        List<CaseScript.Booked> events = script.events();
        FiguresHarness figures = new FiguresHarness().feed(events.subList(0, 4));

        Summary declaredOverdue = figures.summary("2024-10-01", "2024-10-31");
        fraction(declaredOverdue.figures().onTimeCompletion(), 0, 1);
        assertThat(declaredOverdue.now()).isEqualTo(new OpenNow(1, 1));

        figures.deliver(events.get(4));
        Summary extended = figures.summary("2024-10-01", "2024-10-31");
        fraction(extended.figures().onTimeCompletion(), 0, 0);
        assertThat(extended.now()).isEqualTo(new OpenNow(1, 0));
        assertThat(extended.figures().overdue()).isEqualTo(new Overdue(0, 0));

        figures.deliver(events.get(5));
        fraction(figures.summary("2024-10-10", "2024-10-10").figures().onTimeCompletion(), 0, 0);
        Summary replied = figures.summary("2024-10-14", "2024-10-14");
        fraction(replied.figures().onTimeCompletion(), 1, 1);
        // Tue 8 Oct 10:00 to Mon 14 Oct 10:00 with Sat 12 Oct worked, Sun 13 not: 14+24+24+24+24+0+10 = 120 h
        assertThat(replied.figures().handlingTime().totalWorkingSeconds()).isEqualTo(120L * 3600);
        assertThat(figures.summary("2024-10-01", "2024-10-31").now()).isEqualTo(new OpenNow(0, 0));
    }

    @Test
    void aCaseRedispatchedBeforeSigningJudgesOnlyTheUnitThatSigned() {
        CaseScript script = CaseScript.registered("X2", Category.REPORT, "370602", "2024-10-08T09:00")
                .dispatched("CGJ", "2024-10-08T09:05", "2024-10-09T09:05")
                .objected("CGJ", "2024-10-08T11:00")
                .redispatched("CGJ", "JTJ", "2024-10-08T15:00", "2024-10-09T15:00")
                .signedFor("JTJ", "2024-10-08T16:00", true, "2024-10-15T16:00");
        FiguresHarness figures = new FiguresHarness().feed(script.events());

        FigureSet cgj = figures.summary("2024-10-08", "2024-10-08", new FigureFilter("CGJ", null, null)).figures();
        fraction(cgj.response(), 0, 0);             // left before its due and unsigned: not settled
        fraction(cgj.objectionsPerCase(), 1, 1);    // first dispatched to CGJ (首问)
        FigureSet jtj = figures.summary("2024-10-08", "2024-10-08", new FigureFilter("JTJ", null, null)).figures();
        fraction(jtj.response(), 1, 1);
        fraction(jtj.objectionsPerCase(), 0, 0);
        assertThat(figures.summary("2024-10-08", "2024-10-08", new FigureFilter("JTJ", null, null)).now())
                .isEqualTo(new OpenNow(1, 0));
    }

    @Test
    void aSecondEvaluationReplacesTheFirst() {
        CaseScript script = CaseScript.registered("X3", Category.CONSULTATION, "370602", "2024-10-08T09:00")
                .resolvedAtIntake("2024-10-08T09:05")
                .feedback("2024-10-09T09:00", Satisfaction.DISSATISFIED, false, false)
                .feedback("2024-10-09T15:00", Satisfaction.SATISFIED, true, true);
        FiguresHarness figures = new FiguresHarness().feed(script.events());
        FigureSet eighth = figures.summary("2024-10-08", "2024-10-08").figures();
        fraction(eighth.feedbackCoverage(), 1, 1);
        fraction(eighth.satisfaction(), 1, 1);
        fraction(eighth.solved(), 1, 1);
        fraction(eighth.onTimeCompletion(), 0, 0);   // an answer at intake has no deadline
        assertThat(eighth.handlingTime().replies()).isZero();
    }

    @Test
    void changesAreSignalledWithTheDaysTheyTouch() {
        FiguresHarness figures = new FiguresHarness();
        List<FiguresChanged> seen = new ArrayList<>();
        figures.changes.flux().subscribe(seen::add);
        CaseScript script = CaseScript.registered("X4", Category.HELP, "370602", "2024-10-08T09:00")
                .dispatched("SWJ", "2024-10-08T09:05", "2024-10-09T09:05")
                .signedFor("SWJ", "2024-10-09T10:00", false, "2024-10-15T10:00");
        figures.feed(script.events());
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0).touches(LocalDate.parse("2024-10-08"), LocalDate.parse("2024-10-08"))).isTrue();
        assertThat(seen.get(2).days()).containsExactly(LocalDate.parse("2024-10-09"));
        assertThat(seen.get(2).touches(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-30")))
                .isFalse();
    }
}

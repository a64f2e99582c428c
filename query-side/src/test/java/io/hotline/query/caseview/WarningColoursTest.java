package io.hotline.query.caseview;

import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Colours are a function of the deadline and the moment asked about, nothing else. */
class WarningColoursTest {

    static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
    static final DeadlineView SIGN_FOR = DeadlineView.of(new Deadline(DeadlineKind.SIGN_FOR, START,
            START.plusSeconds(800), START.plusSeconds(1000)), "WATER");

    @Test
    void greenUntilWarnAtYellowUntilDueRedAfter() {
        assertThat(SIGN_FOR.warningAt(START)).isEqualTo(Warning.GREEN);
        assertThat(SIGN_FOR.warningAt(START.plusSeconds(799))).isEqualTo(Warning.GREEN);
        assertThat(SIGN_FOR.warningAt(START.plusSeconds(800))).isEqualTo(Warning.YELLOW);
        assertThat(SIGN_FOR.warningAt(START.plusSeconds(999))).isEqualTo(Warning.YELLOW);
        assertThat(SIGN_FOR.warningAt(START.plusSeconds(1000))).isEqualTo(Warning.RED);
    }

    @Test
    void aDoneStepHasNoColourHoweverLate() {
        DeadlineView done = SIGN_FOR.done(START.plusSeconds(2000), false);
        assertThat(done.warningAt(START.plusSeconds(5000))).isEqualTo(Warning.NONE);
    }

    @Test
    void theWorstColourWins() {
        assertThat(Warning.GREEN.worst(Warning.RED)).isEqualTo(Warning.RED);
        assertThat(Warning.YELLOW.worst(Warning.GREEN)).isEqualTo(Warning.YELLOW);
        assertThat(Warning.NONE.worst(null)).isEqualTo(Warning.NONE);
    }

    @Test
    void aDeadlineEventMatchesTheClockToTheMillisecond() {
        assertThat(SIGN_FOR.sameDue(START.plusSeconds(1000).plusNanos(300))).isTrue();
        assertThat(SIGN_FOR.sameDue(START.plusSeconds(1001))).isFalse();
    }
}

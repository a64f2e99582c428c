package io.hotline.command.policy;

import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;
import org.junit.jupiter.api.Test;

import static io.hotline.command.policy.ServiceLevelsForTests.CALENDAR;
import static io.hotline.command.policy.ServiceLevelsForTests.DEFAULTS;
import static io.hotline.command.policy.ServiceLevelsForTests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadlines on the default tiers; one working day is 7 h of office time (09:00-12:00, 13:30-17:30). */
class WorkingTimeDeadlinePolicyTest {

    private final DeadlinePolicy policy = new WorkingTimeDeadlinePolicy(DEFAULTS, CALENDAR, 0.8);

    @Test
    void emergencySignForRunsOnTheWallClockThroughTheNight() {
        Deadline deadline = policy.signFor(Category.HELP, Urgency.EMERGENCY, at("2025-03-09T02:00"));

        assertThat(deadline).isEqualTo(new Deadline(DeadlineKind.SIGN_FOR, at("2025-03-09T02:00"),
                at("2025-03-09T02:12"), at("2025-03-09T02:15")));
    }

    @Test
    void emergencyCompletionIsTwentyFourHoursAroundTheClock() {
        Deadline deadline = policy.completion(Category.HELP, Urgency.EMERGENCY, at("2025-03-08T02:00"));

        assertThat(deadline.due()).isEqualTo(at("2025-03-09T02:00"));
        assertThat(deadline.warnAt()).as("80% of 24 h is 19 h 12 min").isEqualTo(at("2025-03-08T21:12"));
    }

    @Test
    void urgentCasesRunThroughPublicHolidays() {
        Deadline deadline = policy.signFor(Category.COMPLAINT, Urgency.URGENT, at("2025-01-29T20:00"));

        assertThat(deadline.due()).isEqualTo(at("2025-01-29T22:00"));
        assertThat(deadline.warnAt()).isEqualTo(at("2025-01-29T21:36"));
    }

    @Test
    void normalSignForIsOneWorkingDay() {
        Deadline deadline = policy.signFor(Category.COMPLAINT, Urgency.NORMAL, at("2025-03-10T10:00"));

        assertThat(deadline).isEqualTo(new Deadline(DeadlineKind.SIGN_FOR, at("2025-03-10T10:00"),
                at("2025-03-10T17:06"), at("2025-03-11T10:00")));
    }

    @Test
    void aCaseDispatchedOnSaturdayIsDueForSigningAtMondaysClose() {
        Deadline deadline = policy.signFor(Category.HELP, Urgency.NORMAL, at("2025-03-08T10:00"));

        assertThat(deadline.startedAt()).isEqualTo(at("2025-03-08T10:00"));
        assertThat(deadline.due()).isEqualTo(at("2025-03-10T17:30"));
    }

    @Test
    void eachCategoryFinishesInItsOwnNumberOfWorkingDays() {
        assertThat(policy.completion(Category.CONSULTATION, Urgency.NORMAL, at("2025-03-10T10:00")).due())
                .isEqualTo(at("2025-03-12T10:00"));
        assertThat(policy.completion(Category.HELP, Urgency.NORMAL, at("2025-03-10T10:00")).due())
                .isEqualTo(at("2025-03-17T10:00"));
        assertThat(policy.completion(Category.COMPLAINT, Urgency.NORMAL, at("2025-03-10T10:00")).due())
                .isEqualTo(at("2025-03-24T10:00"));
    }

    @Test
    void theWarningComesAtEightyPercentOfTheWorkingTime() {
        Deadline deadline = policy.completion(Category.COMPLAINT, Urgency.NORMAL, at("2025-03-10T10:00"));

        assertThat(deadline.warnAt()).as("8 of 10 working days").isEqualTo(at("2025-03-20T10:00"));
        assertThat(CALENDAR.workingTimeBetween(deadline.startedAt(), deadline.warnAt()).toMinutes() * 10)
                .isEqualTo(CALENDAR.workingTimeBetween(deadline.startedAt(), deadline.due()).toMinutes() * 8);
    }

    @Test
    void completionCountsMakeUpDaysAndSkipsTheNationalDayHoliday() {
        // From Friday 26 September 2025: make-up Sunday 28 September, 1-8 October off, make-up Saturday 11 October.
        Deadline deadline = policy.completion(Category.REPORT, Urgency.NORMAL, at("2025-09-26T10:00"));

        assertThat(deadline).isEqualTo(new Deadline(DeadlineKind.COMPLETION, at("2025-09-26T10:00"),
                at("2025-10-20T10:00"), at("2025-10-23T10:00")));
    }

    @Test
    void theWarningShareIsConfigurable() {
        DeadlinePolicy halfway = new WorkingTimeDeadlinePolicy(DEFAULTS, CALENDAR, 0.5);

        assertThat(halfway.completion(Category.COMPLAINT, Urgency.NORMAL, at("2025-03-10T10:00")).warnAt())
                .isEqualTo(at("2025-03-17T10:00"));
        assertThat(halfway.signFor(Category.COMPLAINT, Urgency.EMERGENCY, at("2025-03-09T02:00")).warnAt())
                .isEqualTo(at("2025-03-09T02:07:30"));
    }

    @Test
    void aWarningShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new WorkingTimeDeadlinePolicy(DEFAULTS, CALENDAR, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingTimeDeadlinePolicy(DEFAULTS, CALENDAR, 1.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingTimeDeadlinePolicy(DEFAULTS, CALENDAR, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExtensionMovesTheDueDateByWorkingDaysFromTheOldDueDate() {
        Deadline original = policy.completion(Category.COMPLAINT, Urgency.NORMAL, at("2025-03-10T10:00"));

        assertThat(policy.extend(original, 5).due()).isEqualTo(at("2025-03-31T10:00"));
    }

    @Test
    void anExtensionRecomputesTheWarningOverTheWholeNewAllowance() {
        Deadline original = policy.completion(Category.COMPLAINT, Urgency.NORMAL, at("2025-03-10T10:00"));

        // 15 working days in all: the warning moves to 12 working days after the start.
        assertThat(policy.extend(original, 5).warnAt()).isEqualTo(at("2025-03-26T10:00"));
    }

    @Test
    void anExtensionKeepsTheKindAndTheStart() {
        Deadline original = policy.completion(Category.COMPLAINT, Urgency.NORMAL, at("2025-03-10T10:00"));

        Deadline extended = policy.extend(original, 5);

        assertThat(extended.kind()).isEqualTo(DeadlineKind.COMPLETION);
        assertThat(extended.startedAt()).isEqualTo(original.startedAt());
    }

    @Test
    void anExtensionSkipsHolidays() {
        Deadline original = new Deadline(DeadlineKind.COMPLETION, at("2025-04-16T10:00"), at("2025-04-28T10:00"),
                at("2025-04-30T10:00"));

        assertThat(policy.extend(original, 2).due()).isEqualTo(at("2025-05-07T10:00"));
    }

    @Test
    void extendingAWallClockDeadlineAddsWorkingDays() {
        Deadline original = policy.completion(Category.HELP, Urgency.EMERGENCY, at("2025-03-08T02:00"));

        Deadline extended = policy.extend(original, 1);

        // Due Sunday 02:00; one working day more is Monday's office hours. The allowance is now 7 h of working
        // time from the start, so the warning comes after 5 h 36 min of it.
        assertThat(extended.due()).isEqualTo(at("2025-03-10T17:30"));
        assertThat(extended.warnAt()).isEqualTo(at("2025-03-10T16:06"));
    }

    @Test
    void anExtensionOfNoDaysIsRefused() {
        Deadline original = policy.completion(Category.COMPLAINT, Urgency.NORMAL, at("2025-03-10T10:00"));

        assertThatThrownBy(() -> policy.extend(original, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

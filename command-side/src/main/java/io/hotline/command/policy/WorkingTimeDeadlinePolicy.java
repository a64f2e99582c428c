package io.hotline.command.policy;

import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;
import io.hotline.kernel.time.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deadlines from the {@link ServiceLevelPolicy} and the {@link WorkingCalendar}. A wall-clock limit (the urgent
 * tiers) adds plain time; a working-time limit counts office hours only. The early warning (预警) comes when
 * the warning share of the allowed time is used, measured on the same time base as the limit: with the default
 * 0.8, a 10-working-day limit warns after 8 working days, a 24-hour limit after 19.2 hours.
 * <p>
 * The result is recorded in the case's events, so a later change of policy or calendar never rewrites an
 * existing deadline.
 */
public final class WorkingTimeDeadlinePolicy implements DeadlinePolicy {

    /** Yellow at 80% of the time used, the figure the brief's supervision practice gives. */
    public static final double DEFAULT_WARNING_SHARE = 0.8;

    private final ServiceLevelPolicy serviceLevels;
    private final WorkingCalendar calendar;
    private final double warningShare;

    /**
     * @param warningShare the share of the allowed time after which the warning is raised, above 0 and at most 1
     */
    public WorkingTimeDeadlinePolicy(ServiceLevelPolicy serviceLevels, WorkingCalendar calendar, double warningShare) {
        this.serviceLevels = Objects.requireNonNull(serviceLevels, "serviceLevels");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        if (!(warningShare > 0 && warningShare <= 1)) {
            throw new IllegalArgumentException("The warning share must be above 0 and at most 1, not "
                    + warningShare);
        }
        this.warningShare = warningShare;
    }

    @Override
    public Deadline signFor(Category category, Urgency urgency, Instant from) {
        return deadline(DeadlineKind.SIGN_FOR, serviceLevels.signFor(category, urgency), from);
    }

    @Override
    public Deadline completion(Category category, Urgency urgency, Instant from) {
        return deadline(DeadlineKind.COMPLETION, serviceLevels.finish(category, urgency), from);
    }

    /**
     * Moves {@code due} by the approved working days, counted from the old due moment; the warning moves to the
     * warning share of the whole new allowance, measured in working time from the original start. The kind and
     * the start stay: the unit's clock did not restart.
     *
     * @throws IllegalArgumentException unless {@code extraWorkingDays} is positive
     */
    @Override
    public Deadline extend(Deadline completion, int extraWorkingDays) {
        Objects.requireNonNull(completion, "completion");
        if (extraWorkingDays <= 0) {
            throw new IllegalArgumentException("An extension adds at least one working day, not "
                    + extraWorkingDays);
        }
        Instant due = calendar.plusWorkingDays(completion.due(), extraWorkingDays);
        Duration allowed = calendar.workingTimeBetween(completion.startedAt(), due);
        Instant warnAt = calendar.plusWorkingTime(completion.startedAt(), warningPart(allowed));
        return new Deadline(completion.kind(), completion.startedAt(), warnAt, due);
    }

    /** A deadline of {@code kind} for {@code limit} from {@code from}, on the limit's time base. */
    public Deadline within(DeadlineKind kind, TimeLimit limit, Instant from) {
        return deadline(kind, limit, from);
    }

    private Deadline deadline(DeadlineKind kind, TimeLimit limit, Instant from) {
        Objects.requireNonNull(from, "from");
        Duration allowed = limit.length(calendar.workingDayLength());
        Duration warning = warningPart(allowed);
        if (limit.onWallClock()) {
            return new Deadline(kind, from, from.plus(warning), from.plus(allowed));
        }
        return new Deadline(kind, from, calendar.plusWorkingTime(from, warning),
                calendar.plusWorkingTime(from, allowed));
    }

    /** The warning share of the allowed time, to the millisecond (no event needs finer). */
    private Duration warningPart(Duration allowed) {
        return Duration.ofMillis(Math.round(allowed.toMillis() * warningShare));
    }

    public double warningShare() {
        return warningShare;
    }
}
